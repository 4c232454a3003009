#include "gsd/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "gsd/numerics/invalid_input.hpp"

namespace gsd {

namespace {

std::string errno_text() { return std::strerror(errno); }

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

}  // namespace

void refuse_directory_target(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) return;
  throw numerics::InvalidInput({}, path + ": is a directory; name a file inside it");
}

void write_file_atomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  refuse_directory_target(path);
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    throw numerics::InvalidInput({}, path + ": cannot create a file in " + dir.string() + " (" +
                                         errno_text() + "); choose a writable directory");
  }
  try {
    write_all(fd, content, tmp);
    if (::fsync(fd) != 0) throw std::runtime_error("cannot fsync " + tmp + ": " + errno_text());
    // mkstemp creates 0600; records and reports are ordinary readable files.
    if (::fchmod(fd, 0644) != 0) throw std::runtime_error("cannot chmod " + tmp + ": " + errno_text());
    if (::close(fd) != 0) throw std::runtime_error("cannot close " + tmp + ": " + errno_text());
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  // Test hook (tests/cli/monitor.cmake): die by SIGKILL at the worst moment,
  // after the new content is on disk and before the rename, to show that a
  // crash leaves the previous file intact.
  if (const char* hook = std::getenv("GSD_TEST_KILL_BEFORE_RENAME"); hook && *hook) {
    std::raise(SIGKILL);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = errno_text();
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot rename " + tmp + " to " + path + ": " + why);
  }
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace gsd
