// The hash chain of monitoring records: libcrypto's digests against the
// published test vectors, the canonical JSON, and a chain that names the
// first look changed, reordered or added by hand.
#include "gsd/record_chain.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "gsd/errors.hpp"
#include "gsd/record.hpp"
#include "gsd/record_key.hpp"

namespace gsd::record_chain_test {
namespace {

// FIPS 180-2, appendix B.1: SHA-256("abc").
TEST(RecordChain, Sha256MatchesTheFipsVector) {
  EXPECT_EQ(chain_digest("abc", std::nullopt),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// RFC 4231, test case 2: HMAC-SHA-256 with key "Jefe".
TEST(RecordChain, HmacMatchesTheRfc4231Vector) {
  EXPECT_EQ(chain_digest("what do ya want for nothing?", std::string("Jefe")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(RecordChain, CanonicalJsonIsCompactSortedAndStableThroughText) {
  const nlohmann::json value = nlohmann::json::parse(R"({"z": 0.1, "a": [1, 2.5, "é"], "m": -0.0})");
  EXPECT_EQ(canonical_json(value), R"({"a":[1,2.5,"é"],"m":-0.0,"z":0.1})");
  // Written with an indent (as the record file is) and read back: the same text.
  EXPECT_EQ(canonical_json(nlohmann::json::parse(value.dump(2))), canonical_json(value));
}

nlohmann::json small_record(const std::optional<std::string>& key = std::nullopt) {
  nlohmann::json record = new_record(
      nlohmann::json::parse(R"({"design": {"alpha": 0.025}, "monitoring": {"planned_events": 94}})"),
      "2026-01-01T00:00:00Z", key);
  for (int k = 0; k < 3; ++k) {
    record["looks"].push_back({{"recorded_at", "2026-01-0" + std::to_string(k + 2) + "T00:00:00Z"},
                               {"input", {{"events", 30 + 20 * k}, {"z", 0.5 + k}}},
                               {"decision", "continue"}});
  }
  extend_chain(record, key);
  check_record(record);
  return record;
}

TEST(RecordChain, AnIntactChainVerifies) {
  const nlohmann::json record = small_record();
  const ChainCheck check = check_chain(record, std::nullopt);
  EXPECT_EQ(check.status, ChainStatus::kVerified);
  EXPECT_EQ(check.algorithm, "sha256");
  EXPECT_EQ(check.head, record["looks"][2]["hash"]);
  // Through the file's text and back.
  EXPECT_EQ(check_chain(nlohmann::json::parse(record.dump(2)), std::nullopt).status,
            ChainStatus::kVerified);
}

// Looks cut from the end leave a valid chain; a head noted earlier finds
// the look it belonged to while the record still holds it, and no longer
// once that look is gone.
TEST(RecordChain, ANotedHeadFindsItsLookUntilTheRecordIsCutShort) {
  nlohmann::json record = small_record();
  const ChainCheck whole = check_chain(record, std::nullopt);
  ASSERT_EQ(whole.links.size(), 4u);
  EXPECT_EQ(whole.links[0], record["chain"]["config_hash"]);
  const FieldPath path{"options", "head"};
  for (std::size_t k = 1; k <= 3; ++k) {
    EXPECT_EQ(require_chain_link(whole, path, record["looks"][k - 1]["hash"]), k);
  }
  EXPECT_EQ(require_chain_link(whole, path, record["chain"]["config_hash"]), 0u);
  const std::string last = record["looks"][2]["hash"];
  record["looks"].erase(2);
  const ChainCheck cut = check_chain(record, std::nullopt);
  ASSERT_EQ(cut.status, ChainStatus::kVerified);
  EXPECT_EQ(require_chain_link(cut, path, record["looks"][1]["hash"]), 2u);
  try {
    (void)require_chain_link(cut, path, last);
    FAIL() << "a head cut from the record was found";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.path(), path);
    EXPECT_EQ(e.value(), last);
  }
}

TEST(RecordChain, ANotedHeadIsSixtyFourHexDigitsInEitherCase) {
  const std::string lower = chain_digest("abc", std::nullopt);
  std::string upper = lower;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(parse_chain_hash("head", upper), lower);
  EXPECT_EQ(parse_chain_hash("head", lower), lower);
  for (const std::string& bad : {lower.substr(1), lower + "0", lower.substr(1) + "g", std::string(),
                                " " + lower.substr(1)}) {
    EXPECT_THROW((void)parse_chain_hash("head", bad), InvalidInput) << bad;
  }
}

TEST(RecordChain, AnEditedLookIsNamed) {
  nlohmann::json record = small_record();
  record["looks"][1]["input"]["z"] = 3.9;
  const ChainCheck check = check_chain(record, std::nullopt);
  EXPECT_EQ(check.status, ChainStatus::kBroken);
  EXPECT_EQ(check.first_mismatch, 2U);
  try {
    require_intact_chain(check);
    FAIL() << "a broken chain was accepted";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "record.looks[1].hash does not match look 2: the record was changed after it was "
              "written");
  }
}

TEST(RecordChain, AnEditedConfigIsLinkZero) {
  nlohmann::json record = small_record();
  record["config"]["design"]["alpha"] = 0.05;
  const ChainCheck check = check_chain(record, std::nullopt);
  EXPECT_EQ(check.status, ChainStatus::kBroken);
  EXPECT_EQ(check.first_mismatch, 0U);
  EXPECT_THROW(require_intact_chain(check), InvalidInput);
}

TEST(RecordChain, SwappedRemovedOrUnhashedLooksBreakTheChain) {
  nlohmann::json swapped = small_record();
  std::swap(swapped["looks"][0], swapped["looks"][1]);
  EXPECT_EQ(check_chain(swapped, std::nullopt).first_mismatch, 1U);
  nlohmann::json removed = small_record();
  removed["looks"].erase(1);
  EXPECT_EQ(check_chain(removed, std::nullopt).first_mismatch, 2U);
  nlohmann::json added = small_record();
  added["looks"].push_back(added["looks"][2]);
  added["looks"][3].erase("hash");
  EXPECT_EQ(check_chain(added, std::nullopt).first_mismatch, 4U);
}

TEST(RecordChain, AKeyedChainNeedsTheKey) {
  const nlohmann::json record = small_record(std::string("committee secret"));
  EXPECT_EQ(record["chain"]["algorithm"], "hmac-sha256");
  EXPECT_EQ(check_chain(record, std::string("committee secret")).status, ChainStatus::kVerified);
  EXPECT_EQ(check_chain(record, std::nullopt).status, ChainStatus::kNeedsKey);
  EXPECT_EQ(check_chain(record, std::string("a guess")).status, ChainStatus::kBroken);
  // A plain chain when the committee expects its key: refused.
  EXPECT_EQ(check_chain(small_record(), std::string("committee secret")).status,
            ChainStatus::kNotKeyed);
}

TEST(RecordChain, AVersionOneRecordIsUnverifiedUntilItsChainStarts) {
  nlohmann::json record = small_record();
  record.erase("chain");
  for (auto& look : record["looks"]) look.erase("hash");
  record["version"] = 1;
  check_record(record);
  EXPECT_EQ(check_chain(record, std::nullopt).status, ChainStatus::kUnverified);
  EXPECT_NO_THROW(require_intact_chain(check_chain(record, std::nullopt)));
  start_chain(record, std::nullopt, 3);
  extend_chain(record, std::nullopt);
  const ChainCheck check = check_chain(record, std::nullopt);
  EXPECT_EQ(check.status, ChainStatus::kVerified);
  EXPECT_EQ(check.looks_before_chain, 3U);
  EXPECT_EQ(record["version"], 2);
}

// A keyed record stripped to version 1 (chain and hashes removed, so a look
// can be changed freely) is what the committee's key must not accept.
TEST(RecordChain, AKeyRefusesARecordWithoutAChain) {
  nlohmann::json record = small_record(std::string("committee secret"));
  record.erase("chain");
  for (auto& look : record["looks"]) look.erase("hash");
  record["version"] = 1;
  record["looks"][1]["input"]["z"] = 3.9;
  check_record(record);
  const ChainCheck check = check_chain(record, std::string("committee secret"));
  EXPECT_EQ(check.status, ChainStatus::kNotKeyed);
  try {
    require_intact_chain(check);
    FAIL() << "a keyed read accepted a record without a chain";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "record.version = 1 has no hash chain, but a key was given: it was not written "
              "with the committee's key, or its hashes were removed; restore the committee's "
              "keyed record");
  }
}

// verify vouches for a chain only: a version-1 record is intact (a replay
// reads it) but not verified.
TEST(RecordChain, VerifyRefusesARecordWithoutHashes) {
  nlohmann::json record = small_record();
  record.erase("chain");
  for (auto& look : record["looks"]) look.erase("hash");
  record["version"] = 1;
  const ChainCheck check = check_chain(record, std::nullopt);
  EXPECT_NO_THROW(require_intact_chain(check));
  EXPECT_THROW(require_verified_chain(check), InvalidInput);
  EXPECT_NO_THROW(require_verified_chain(check_chain(small_record(), std::nullopt)));
}

// A record that is not there is named as a record, with how one is started,
// for every front end (it was read as a config: "cannot read the config
// file"); the command line names its flag instead.
TEST(RecordFile, MissingRecordIsNamedAsARecord) {
  const std::string missing = ::testing::TempDir() + "gsd-no-such-record.json";
  const std::string want = "record = " + missing + " does not exist; " + kStartRecord;
  for (const auto& read : {std::function<void()>([&] { read_record_file(missing); }),
                           std::function<void()>([&] { verify_record_file(missing); })}) {
    try {
      read();
      ADD_FAILURE() << "a missing record was read";
    } catch (const InvalidInput& e) {
      EXPECT_EQ(std::string(e.what()), want);
    }
  }
  try {
    require_record_exists(missing, "--record", "start it");
    ADD_FAILURE() << "a missing record passed";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()), "--record = " + missing + " does not exist; start it");
  }
}

// A record that is there but cannot be read is named as a record too, with
// the system's reason and what to do (it was read as a config: "cannot read
// the config file (does it exist?)"). A directory and a socket cannot be read
// even by root; a file without read permission only by other users.
TEST(RecordFile, UnreadableRecordIsNamedAsARecord) {
  const std::string dir = ::testing::TempDir() + "gsd-record-dir-" + std::to_string(::getpid());
  const std::string socket_path = dir + "/dmc.json";
  ASSERT_TRUE(std::filesystem::create_directory(dir));
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  ASSERT_LT(socket_path.size(), sizeof address.sun_path);
  std::strncpy(address.sun_path, socket_path.c_str(), sizeof address.sun_path - 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  ::close(fd);
  const std::string todo = kReadableRecord;
  const auto message = [](const std::function<void()>& read) -> std::string {
    try {
      read();
    } catch (const InvalidInput& e) {
      return e.what();
    }
    return "(read)";
  };
  EXPECT_EQ(message([&] { read_record_file(dir); }), "record = " + dir + " is a directory, not a record file; " + todo);
  EXPECT_EQ(message([&] { verify_record_file(socket_path); }),
            "record = " + socket_path + " is a socket, not a record file; " + todo);
  EXPECT_EQ(message([&] { require_record_readable(socket_path, "--record", "start it"); }),
            "--record = " + socket_path + " is a socket, not a record file; " + todo);
  // A missing record keeps its own message.
  EXPECT_EQ(message([&] { require_record_readable(dir + "/none.json", "--record", "start it"); }),
            "--record = " + dir + "/none.json does not exist; start it");
  if (::geteuid() != 0) {
    const std::string locked = dir + "/locked.json";
    std::ofstream(locked) << "{}";
    std::filesystem::permissions(locked, std::filesystem::perms::none);
    EXPECT_EQ(message([&] { read_record_file(locked); }),
              "record = " + locked + " cannot be read (Permission denied); " + todo);
  }
  std::filesystem::remove_all(dir);
}

// A key file that is a directory is named with the field that gave it, for
// every front end: the stream opened it and failed at the first read with
// its own words ("basic_filebuf::underflow error reading the file").
TEST(RecordFile, KeyFileThatIsADirectoryIsNamed) {
  const std::string dir = ::testing::TempDir() + "gsd-key-dir-" + std::to_string(::getpid());
  ASSERT_TRUE(std::filesystem::create_directory(dir));
  try {
    read_key_file(dir, {"key_file"});
    ADD_FAILURE() << "a directory was read as a key";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "key_file = " + dir + " is a directory; give the file that holds the committee's key "
              "(its bytes are the key)");
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gsd::record_chain_test
