// Output files: a symbolic link is followed (its target replaced, the link
// kept), a file that is not regular is never replaced, and two paths are
// compared as the files they name (docs/cli.md, output paths).
#include "gsd/atomic_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "gsd/errors.hpp"
#include "gsd/file_lock.hpp"
#include "gsd/staged_file.hpp"

namespace gsd::atomic_file_test {
namespace {

namespace fs = std::filesystem;

class AtomicFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string name = (fs::temp_directory_path() / "gsd-atomic-XXXXXX").string();
    ASSERT_NE(::mkdtemp(name.data()), nullptr);
    dir_ = name;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string at(const std::string& name) const { return (dir_ / name).string(); }

  static std::string text_of(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }

  fs::path dir_;
};

// A prepared file leaves the target as it was until install(), and leaves
// nothing behind when dropped without it.
TEST_F(AtomicFile, APreparedFileAppearsOnlyWhenInstalled) {
  write_file_atomically(at("report.html"), "old");
  {
    PreparedFile dropped(at("report.html"), "never");
    EXPECT_EQ(text_of(at("report.html")), "old");
  }
  PreparedFile kept(at("report.html"), "new");
  EXPECT_EQ(text_of(at("report.html")), "old");
  kept.install();
  EXPECT_EQ(text_of(at("report.html")), "new");
  kept.install();  // a second install changes nothing
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_)) ++files;
  EXPECT_EQ(files, 1u);  // no temporary file left
}

TEST_F(AtomicFile, ALinkIsFollowedAndKept) {
  fs::create_directory(at("real"));
  write_file_atomically(at("real/r.json"), "one");
  fs::create_symlink("real/r.json", at("link.json"));
  EXPECT_EQ(resolve_target(at("link.json")), (dir_ / "real/r.json").string());
  write_file_atomically(at("link.json"), "two");
  EXPECT_TRUE(fs::is_symlink(at("link.json")));
  EXPECT_EQ(text_of(at("real/r.json")), "two");
  StagedFile staged(at("link.json"));
  staged.write("three");
  staged.commit();
  EXPECT_TRUE(fs::is_symlink(at("link.json")));
  EXPECT_EQ(text_of(at("real/r.json")), "three");
  // The lock of a record reached through a link is the real record's.
  const FileLock lock(at("link.json"));
  EXPECT_EQ(lock.lock_path(), (dir_ / "real/r.json.lock").string());
}

TEST_F(AtomicFile, ALinkLoopIsRefused) {
  fs::create_symlink("b", at("a"));
  fs::create_symlink("a", at("b"));
  EXPECT_THROW((void)resolve_target(at("a")), InvalidInput);
}

TEST_F(AtomicFile, AFifoIsNeverReplaced) {
  ASSERT_EQ(::mkfifo(at("fifo").c_str(), 0644), 0);
  fs::create_symlink("fifo", at("fifo-link"));
  for (const std::string name : {"fifo", "fifo-link"}) {
    try {
      write_file_atomically(at(name), "x");
      FAIL() << name << " was written";
    } catch (const InvalidInput& e) {
      EXPECT_EQ(std::string(e.what()), at(name) + ": is not a regular file; name a regular file");
    }
    EXPECT_THROW(StagedFile{at(name)}, InvalidInput);
  }
  EXPECT_TRUE(fs::is_fifo(at("fifo")));
  EXPECT_TRUE(fs::is_symlink(at("fifo-link")));
}

TEST_F(AtomicFile, SameFileComparesInodesOrResolvedPaths) {
  write_file_atomically(at("r.json"), "{}");
  fs::create_symlink("r.json", at("alias.json"));
  EXPECT_TRUE(same_file(at("r.json"), at("alias.json")));
  EXPECT_TRUE(same_file(at("r.json"), (dir_ / "." / "r.json").string()));
  EXPECT_FALSE(same_file(at("r.json"), at("r.json.lock")));
  // Neither exists yet: the same path once normalised (and links followed).
  EXPECT_TRUE(same_file(at("new.svg"), (dir_ / "sub" / ".." / "new.svg").string()));
  fs::create_symlink("new.svg", at("dangling.svg"));
  EXPECT_TRUE(same_file(at("new.svg"), at("dangling.svg")));
  EXPECT_FALSE(same_file(at("new.svg"), at("other.svg")));
}

TEST_F(AtomicFile, OutputsAreCheckedAgainstInputsAndEachOther) {
  write_file_atomically(at("c.json"), "{}");
  const auto message = [&](const std::vector<NamedFile>& outputs) {
    try {
      check_output_files(outputs, {{"the config", at("c.json")}});
    } catch (const InvalidInput& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(message({{"--plot", at("c.json")}}),
            "--plot = " + at("c.json") + " is the same file as the config " + at("c.json") +
                "; name another file");
  EXPECT_EQ(message({{"--a", at("x")}, {"--b", at("x")}}),
            "--b = " + at("x") + " is the same file as --a " + at("x") + "; name another file");
  EXPECT_EQ(message({{"--plot", dir_.string()}}),
            "--plot = " + dir_.string() + " is a directory; name a file inside it");
  EXPECT_EQ(message({{"--plot", at("missing/p.svg")}}),
            "--plot = " + at("missing/p.svg") +
                " is in a directory that does not exist or is not writable (" + at("missing") +
                "); choose a writable directory");
  EXPECT_EQ(message({{"--plot", at("p.svg")}, {"--data", ""}, {"--other", at("d.csv")}}), "");
}

// The refused output is the error's path, and its file the value: the R and
// Python packages name their argument (plot, report, file) from it.
TEST_F(AtomicFile, RefusedOutputIsTheErrorsPath) {
  try {
    check_output_files({{"plot", at("missing/p.svg")}});
    FAIL() << "an output in a missing directory was accepted";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.path(), FieldPath("plot"));
    EXPECT_EQ(e.value(), std::optional<std::string>(at("missing/p.svg")));
    EXPECT_EQ(e.rule(), "is in a directory that does not exist or is not writable (" + at("missing") +
                            "); choose a writable directory");
  }
}

}  // namespace
}  // namespace gsd::atomic_file_test
