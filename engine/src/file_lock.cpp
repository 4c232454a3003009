#include "gsd/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "gsd/atomic_file.hpp"
#include "gsd/numerics/invalid_input.hpp"

namespace gsd {

namespace {

// Polling interval while another process holds the lock: short against the
// time a look takes to decide (tens of milliseconds), long enough not to spin.
constexpr std::chrono::milliseconds kPollInterval{10};

std::string seconds_text(std::chrono::milliseconds t) {
  const long long ms = t.count();
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
  return std::to_string(ms) + " ms";
}

}  // namespace

FileLock::FileLock(const std::string& path, std::chrono::milliseconds timeout)
    : lock_path_(resolve_target(path) + ".lock") {
  // Opened for reading only: flock(2) locks the open file, whatever its
  // mode, so a lock file another committee member created (theirs, 0644) is
  // locked as well; opened for writing it was refused (EACCES), and a second
  // user could never add a look to a shared record.
  fd_ = ::open(lock_path_.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw numerics::InvalidInput({}, path + ": cannot create the lock file " + lock_path_ + " (" +
                                         std::strerror(errno) + "); choose a writable directory");
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    if (error != EWOULDBLOCK && error != EINTR) {
      ::close(fd_);
      throw std::runtime_error("cannot lock " + lock_path_ + ": " + std::strerror(error));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::close(fd_);
      throw LockTimeout(path + " is being changed by another process (its lock " + lock_path_ +
                        " was held for more than " + seconds_text(timeout) +
                        "); nothing was written: try again, or raise --lock-timeout");
    }
    std::this_thread::sleep_for(kPollInterval);
  }
}

FileLock::~FileLock() {
  // Closing the descriptor releases the flock.
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace gsd
