#pragma once
// An exclusive lock for a file that several processes may update, such as a
// monitoring record that two statisticians append to at once. The lock is
// flock(2) on a sidecar file "<path>.lock" next to the target: the target
// itself is replaced by rename (atomic_file.hpp), so a lock on it would be a
// lock on a file that no longer exists after the first writer. The sidecar is
// created when missing and never deleted (deleting it would let a third
// process lock a new inode while a second still holds the old one). The
// kernel releases the lock when the holder exits, also by a crash.
//
// A target that is a symbolic link is followed first (resolve_target in
// atomic_file.hpp): the lock is "<file it points to>.lock", so writers that
// reach the same record through different links exclude each other.
//
// A writer that holds the lock re-reads the target, changes it and replaces
// it before it lets go, so no update is lost.
#include <chrono>
#include <stdexcept>
#include <string>

namespace gsd {

// The lock was not obtained within the timeout: the file is busy and was not
// changed. (A std::runtime_error, not bad input: trying again may succeed.)
class LockTimeout : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thirty seconds: a look is decided in well under a second, so only a stuck
// process or a very long queue of writers waits this long.
inline constexpr std::chrono::milliseconds kDefaultLockTimeout{30000};

class FileLock {
 public:
  // Waits up to `timeout` for the exclusive lock on resolve_target(path) +
  // ".lock".
  // Throws InvalidInput when the lock file cannot be created (the directory
  // is missing or not writable), LockTimeout when the wait runs out.
  FileLock(const std::string& path, std::chrono::milliseconds timeout = kDefaultLockTimeout);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

  const std::string& lock_path() const noexcept { return lock_path_; }

 private:
  std::string lock_path_;
  int fd_ = -1;
};

}  // namespace gsd
