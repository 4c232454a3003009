#include "gsd/record_verify.hpp"

namespace gsd {

RecordVerdict verify_record(const std::string& path, const std::optional<std::string>& key,
                            const std::optional<std::string>& noted_head, const FieldPath& head_path) {
  // The head is checked for its form first: a typo is named before the
  // record is read.
  if (noted_head) (void)parse_chain_hash(head_path, *noted_head);
  return verify_record(verify_record_file(path, key), path, noted_head, head_path);
}

RecordVerdict verify_record(const RecordVerification& read, const std::string& path,
                            const std::optional<std::string>& noted_head, const FieldPath& head_path) {
  std::optional<std::string> hash;
  if (noted_head) hash = parse_chain_hash(head_path, *noted_head);
  try {
    require_verified_chain(read.chain);
  } catch (const InvalidInput& e) {
    throw InvalidInput({}, path + ": " + e.message(PathStyle::kJson));
  }
  RecordVerdict out;
  out.looks = read.record.at("looks").size();
  out.chain = read.chain;
  if (hash) {
    out.noted_look = require_chain_link(out.chain, head_path, *hash, path);
    out.noted_head = std::move(hash);
  }
  return out;
}

nlohmann::json record_verdict_json(const RecordVerdict& verdict, const std::string& path) {
  nlohmann::json chain = {{"status", chain_status_name(verdict.chain.status)},
                          {"algorithm", verdict.chain.algorithm},
                          {"looks_before_chain", verdict.chain.looks_before_chain},
                          {"head", verdict.chain.head}};
  if (verdict.noted_head) {
    chain["noted_head"] = {{"hash", *verdict.noted_head}, {"look", verdict.noted_look}};
  }
  return {{"record", {{"file", path}, {"looks", verdict.looks}, {"chain", chain}}}};
}

}  // namespace gsd
