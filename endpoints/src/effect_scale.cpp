#include "gsd/endpoints/effect_scale.hpp"

#include "statistic.hpp"

namespace gsd::endpoints {

std::optional<double> effect_at_z(const EndpointSpec& spec, double z, double patients) {
  return detail::estimate_at(spec, z, patients);
}

std::optional<double> z_at_effect(const EndpointSpec& spec, double effect, double patients) {
  return detail::z_at(spec, effect, patients);
}

}  // namespace gsd::endpoints
