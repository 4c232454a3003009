// Anchor translation unit of gsd::engine (the concepts live in src/survival
// and src/monitoring); it keeps the library well-formed while either is empty.
namespace gsd::engine_detail {
int anchor() { return 0; }
}  // namespace gsd::engine_detail
