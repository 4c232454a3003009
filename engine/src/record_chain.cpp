#include "gsd/record_chain.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <stdexcept>

#include "gsd/errors.hpp"

namespace gsd {

namespace {

constexpr const char* kSha256 = "sha256";
constexpr const char* kHmacSha256 = "hmac-sha256";

std::string hex(const unsigned char* bytes, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 0x0f]);
  }
  return out;
}

// What the config hash covers: the record's identity, its design, and how
// many looks were written before the chain began.
std::string config_text(const nlohmann::json& record, std::size_t looks_before_chain) {
  return canonical_json({{"format", record.at("format")},
                         {"created_at", record.at("created_at")},
                         {"config", record.at("config")},
                         {"looks_before_chain", looks_before_chain}});
}

std::string look_hash(const std::string& previous, nlohmann::json look,
                      const std::optional<std::string>& key) {
  look.erase("hash");
  return chain_digest(previous + canonical_json(look), key);
}

}  // namespace

std::string canonical_json(const nlohmann::json& value) {
  // nlohmann's objects are std::map (keys in byte order); dump() without an
  // indent is compact, writes doubles in their shortest round-trip form and
  // keeps UTF-8 as it is. Invalid UTF-8 cannot occur: the parser refuses it.
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

std::string chain_digest(std::string_view data, const std::optional<std::string>& key) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (key) {
    if (!HMAC(EVP_sha256(), key->data(), static_cast<int>(key->size()),
              reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data(),
              &length)) {
      throw std::runtime_error("HMAC-SHA-256 failed in libcrypto");
    }
  } else if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) !=
             1) {
    throw std::runtime_error("SHA-256 failed in libcrypto");
  }
  return hex(digest.data(), length);
}

ChainCheck check_chain(const nlohmann::json& record, const std::optional<std::string>& key) {
  ChainCheck out;
  const auto chain = record.find("chain");
  // A key given for a record without a chain (version 1): the committee
  // expects a keyed record, and an unhashed one is what a keyed record
  // becomes once someone strips its hashes to rewrite it.
  if (chain == record.end()) {
    if (key) out.status = ChainStatus::kNotKeyed;
    return out;  // without a key: version 1, unverified
  }
  out.algorithm = chain->at("algorithm").get<std::string>();
  out.looks_before_chain = chain->value("looks_before_chain", std::size_t{0});
  const bool keyed = out.algorithm == kHmacSha256;
  if (keyed && !key) {
    out.status = ChainStatus::kNeedsKey;
    return out;
  }
  // A key given for an unkeyed chain: the committee expects a keyed record,
  // so a chain that anyone could recompute does not verify.
  if (!keyed && key) {
    out.status = ChainStatus::kNotKeyed;
    return out;
  }
  std::string previous = chain_digest(config_text(record, out.looks_before_chain), key);
  if (previous != chain->at("config_hash").get<std::string>()) {
    out.status = ChainStatus::kBroken;
    return out;
  }
  std::vector<std::string> links{previous};
  const auto& looks = record.at("looks");
  for (std::size_t k = 0; k < looks.size(); ++k) {
    const auto hash = looks[k].find("hash");
    if (hash == looks[k].end() || !hash->is_string() ||
        look_hash(previous, looks[k], key) != hash->get<std::string>()) {
      out.status = ChainStatus::kBroken;
      out.first_mismatch = k + 1;
      return out;
    }
    previous = hash->get<std::string>();
    links.push_back(previous);
  }
  out.status = ChainStatus::kVerified;
  out.head = previous;
  out.links = std::move(links);
  return out;
}

std::string parse_chain_hash(const FieldPath& path, std::string_view text) {
  // A SHA-256 or HMAC-SHA-256 digest: 32 bytes, 64 hex digits.
  constexpr std::size_t kHexDigits = 64;
  std::string out(text);
  bool hex_digits = out.size() == kHexDigits;
  for (char& c : out) {
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    hex_digits = hex_digits && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
  if (!hex_digits) {
    throw InvalidInput(path, std::string(text),
                       "must be 64 hex digits: the head of the chain as verify printed it");
  }
  return out;
}

std::size_t require_chain_link(const ChainCheck& check, const FieldPath& path,
                               const std::string& hash, const std::string& record_name) {
  for (std::size_t k = 0; k < check.links.size(); ++k) {
    if (check.links[k] == hash) return k;
  }
  throw InvalidInput(path, hash,
                     "is not the hash of any look in " + record_name +
                         ": looks were removed from its end, or it was rewritten; compare it with the "
                         "committee's own copy");
}

void start_chain(nlohmann::json& record, const std::optional<std::string>& key,
                 std::size_t looks_before_chain) {
  record["chain"] = {{"algorithm", key ? kHmacSha256 : kSha256},
                     {"config_hash", chain_digest(config_text(record, looks_before_chain), key)},
                     {"looks_before_chain", looks_before_chain}};
  record["version"] = 2;
}

void extend_chain(nlohmann::json& record, const std::optional<std::string>& key) {
  std::string previous = record.at("chain").at("config_hash").get<std::string>();
  for (auto& look : record.at("looks")) {
    if (!look.contains("hash")) look["hash"] = look_hash(previous, look, key);
    previous = look["hash"].get<std::string>();
  }
}

void require_intact_chain(const ChainCheck& check) {
  if (check.status == ChainStatus::kNeedsKey) {
    throw InvalidInput({"record", "chain", "algorithm"}, "\"hmac-sha256\"",
                       "is a keyed chain: give the committee's key to read it");
  }
  if (check.status == ChainStatus::kNotKeyed && check.algorithm.empty()) {
    throw InvalidInput({"record", "version"}, "1",
                       "has no hash chain, but a key was given: it was not written with the "
                       "committee's key, or its hashes were removed; restore the committee's "
                       "keyed record");
  }
  if (check.status == ChainStatus::kNotKeyed) {
    throw InvalidInput({"record", "chain", "algorithm"}, "\"sha256\"",
                       "is not keyed, but a key was given: this record was not written with "
                       "the committee's key");
  }
  if (check.status != ChainStatus::kBroken) return;
  if (check.first_mismatch == 0) {
    throw InvalidInput({"record", "chain", "config_hash"},
                       "does not match the config (or the key): the record was changed after it "
                       "was written");
  }
  const std::size_t k = check.first_mismatch;
  throw InvalidInput(FieldPath{"record", "looks", k - 1, "hash"},
                     "does not match look " + std::to_string(k) +
                         ": the record was changed after it was written");
}

void require_verified_chain(const ChainCheck& check) {
  require_intact_chain(check);
  if (check.status != ChainStatus::kUnverified) return;
  throw InvalidInput({"record", "version"}, "1",
                     "has no hashes: the record cannot be verified; its next add-look (without a "
                     "key) starts a chain that covers it from then on");
}

const char* chain_status_name(ChainStatus status) {
  switch (status) {
    case ChainStatus::kVerified:
      return "verified";
    case ChainStatus::kUnverified:
      return "unverified";
    case ChainStatus::kBroken:
      return "broken";
    case ChainStatus::kNeedsKey:
      return "needs key";
    case ChainStatus::kNotKeyed:
      return "not keyed";
  }
  return "broken";
}

}  // namespace gsd
