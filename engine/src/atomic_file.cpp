#include "gsd/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "gsd/numerics/invalid_input.hpp"

namespace gsd {

namespace {

// Linux's MAXSYMLINKS: more links than this in a row is a loop.
constexpr int kMaxSymlinkHops = 40;

std::string errno_text() { return std::strerror(errno); }

std::filesystem::path directory_of(const std::filesystem::path& target) {
  return target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
}

void write_all(int fd, const std::string& content, const std::string& tmp) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("cannot write " + tmp + ": " + errno_text());
    }
    done += static_cast<std::size_t>(n);
  }
}

// In a directory with the sticky bit (/tmp, a shared folder) only the
// owner of a file or of the directory (or root) may rename over the file:
// the rename failed with EPERM after all the work was done. The rule that
// refuses such an existing regular `target`, else "".
std::string sticky_rule(const std::string& target, const struct stat& file) {
  const uid_t me = ::geteuid();
  if (me == 0 || file.st_uid == me) return "";
  const std::string dir = directory_of(target).string();
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || (st.st_mode & S_ISVTX) == 0 || st.st_uid == me) return "";
  return "is another user's file in " + dir +
         ", whose sticky bit lets only its owner replace it; keep shared files in a directory without "
         "the sticky bit, or name another file";
}

}  // namespace

std::string resolve_target(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p(path);
  for (int hop = 0; hop < kMaxSymlinkHops; ++hop) {
    std::error_code error;
    if (!fs::is_symlink(p, error)) return p.string();
    const fs::path link = fs::read_symlink(p, error);
    if (error) return p.string();
    p = link.is_absolute() ? link : p.parent_path() / link;
  }
  throw numerics::InvalidInput({}, path + ": too many levels of symbolic links; name the file itself");
}

void refuse_irregular_target(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return;  // missing: a new file
  if (S_ISDIR(st.st_mode)) {
    throw numerics::InvalidInput({}, path + ": is a directory; name a file inside it");
  }
  if (!S_ISREG(st.st_mode)) {
    throw numerics::InvalidInput({}, path + ": is not a regular file; name a regular file");
  }
  if (const std::string rule = sticky_rule(resolve_target(path), st); !rule.empty()) {
    throw numerics::InvalidInput({}, path + ": " + rule);
  }
}

bool same_file(const std::string& a, const std::string& b) {
  namespace fs = std::filesystem;
  struct stat sa {};
  struct stat sb {};
  const bool a_exists = ::stat(a.c_str(), &sa) == 0;
  const bool b_exists = ::stat(b.c_str(), &sb) == 0;
  if (a_exists && b_exists) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (a_exists != b_exists) return false;
  const auto normalised = [](const std::string& path) {
    std::error_code error;
    const fs::path absolute = fs::absolute(resolve_target(path), error);
    const fs::path canonical = fs::weakly_canonical(absolute, error);
    return (error ? absolute : canonical).lexically_normal();
  };
  return normalised(a) == normalised(b);
}

void check_output_files(const std::vector<NamedFile>& outputs,
                        const std::vector<NamedFile>& inputs) {
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const NamedFile& out = outputs[i];
    if (out.path.empty()) continue;
    // The output is named by its path, the flag or argument that gave it,
    // so that a front end can tell which of its arguments to change.
    const auto refuse = [&](const std::string& rule) {
      throw numerics::InvalidInput(numerics::FieldPath(out.name), out.path, rule);
    };
    for (const NamedFile& in : inputs) {
      if (!in.path.empty() && same_file(out.path, in.path)) {
        refuse("is the same file as " + in.name + " " + in.path + "; name another file");
      }
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (!outputs[j].path.empty() && same_file(out.path, outputs[j].path)) {
        refuse("is the same file as " + outputs[j].name + " " + outputs[j].path +
               "; name another file");
      }
    }
    const std::string target = resolve_target(out.path);
    struct stat st {};
    if (::stat(target.c_str(), &st) == 0) {
      if (S_ISDIR(st.st_mode)) refuse("is a directory; name a file inside it");
      if (!S_ISREG(st.st_mode)) refuse("is not a regular file; name a regular file");
      if (const std::string rule = sticky_rule(target, st); !rule.empty()) refuse(rule);
    }
    const std::string dir = directory_of(target).string();
    if (::access(dir.c_str(), W_OK | X_OK) != 0) {
      refuse("is in a directory that does not exist or is not writable (" + dir +
             "); choose a writable directory");
    }
    // access() answers for the permission bits alone: a file system that
    // takes no new files (/proc, a read-only mount seen by root) passes it,
    // and the write at the end would fail naming no flag. A check file,
    // created and removed at once, asks the file system itself.
    std::string check = (std::filesystem::path(dir) / ".gsd-write-check-XXXXXX").string();
    const int fd = ::mkstemp(check.data());
    if (fd < 0) {
      refuse("is in a directory where no file can be created (" + dir + ": " + std::strerror(errno) +
             "); choose a writable directory");
    }
    ::close(fd);
    ::unlink(check.c_str());
  }
}

namespace {

// Permissions a new file may have at most (rw for all, as open(2) callers
// conventionally ask), before the umask takes its bits away.
constexpr unsigned kNewFileMode = 0666;
// The umask when /proc does not say it: the common default.
constexpr unsigned kDefaultUmask = 022;

// The process's umask without changing it (umask(2) can only set it, which
// would race with other threads creating files): Linux reports it in
// /proc/self/status since 4.7.
unsigned current_umask() {
  std::FILE* status = std::fopen("/proc/self/status", "r");
  if (!status) return kDefaultUmask;
  char line[256];
  unsigned mask = kDefaultUmask;
  while (std::fgets(line, sizeof line, status)) {
    if (std::sscanf(line, "Umask: %o", &mask) == 1) break;
  }
  std::fclose(status);
  return mask & 0777u;
}

}  // namespace

unsigned replacement_mode(const std::string& target) {
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return st.st_mode & 07777u;
  return kNewFileMode & ~current_umask();
}

PreparedFile::PreparedFile(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  // Resolved once: the file checked (stat follows links) is the file replaced.
  refuse_irregular_target(path);
  target_ = resolve_target(path);
  const fs::path dir = directory_of(fs::path(target_));
  tmp_ = (dir / ("." + fs::path(target_).filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmp_.data());
  if (fd < 0) {
    throw numerics::InvalidInput({}, path + ": cannot create a file in " + dir.string() + " (" +
                                         errno_text() + "); choose a writable directory");
  }
  try {
    write_all(fd, content, path);
    if (::fsync(fd) != 0) throw std::runtime_error("cannot write " + path + ": " + errno_text());
    // mkstemp creates 0600: the replacement takes the replaced file's mode
    // (a new file the umask's), so a private record stays private.
    if (::fchmod(fd, replacement_mode(target_)) != 0) {
      throw std::runtime_error("cannot chmod " + tmp_ + ": " + errno_text());
    }
    if (::close(fd) != 0) throw std::runtime_error("cannot close " + tmp_ + ": " + errno_text());
  } catch (...) {
    ::close(fd);
    ::unlink(tmp_.c_str());
    throw;
  }
}

PreparedFile::~PreparedFile() {
  if (!installed_) ::unlink(tmp_.c_str());
}

void PreparedFile::install() {
  if (installed_) return;
  // Test hook (tests/cli/monitor.cmake): die by SIGKILL at the worst moment,
  // after the new content is on disk and before the rename, to show that a
  // crash leaves the previous file intact.
  if (const char* hook = std::getenv("GSD_TEST_KILL_BEFORE_RENAME"); hook && *hook) {
    std::raise(SIGKILL);
  }
  if (::rename(tmp_.c_str(), target_.c_str()) != 0) {
    throw std::runtime_error("cannot rename " + tmp_ + " to " + target_ + ": " + errno_text());
  }
  installed_ = true;
  sync_directory_of(target_);
}

void sync_directory_of(const std::string& path) noexcept {
  const std::string dir = directory_of(std::filesystem::path(path)).string();
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

void write_file_atomically(const std::string& path, const std::string& content) {
  PreparedFile(path, content).install();
}

}  // namespace gsd
