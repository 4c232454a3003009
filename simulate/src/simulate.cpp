// Anchor translation unit of gsd::simulate.
namespace gsd::simulate_detail {
int anchor() { return 0; }
}  // namespace gsd::simulate_detail
