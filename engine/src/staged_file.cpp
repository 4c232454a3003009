#include "gsd/staged_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "gsd/atomic_file.hpp"
#include "gsd/numerics/invalid_input.hpp"

namespace gsd {

namespace {

// 1 MiB stdio buffer: rows are small and many.
constexpr std::size_t kBufferBytes = std::size_t{1} << 20;

std::string errno_text() { return std::strerror(errno); }

}  // namespace

StagedFile::StagedFile(std::string target, std::string_view tag) {
  namespace fs = std::filesystem;
  // A link is followed (its target replaced, the link kept); the error
  // messages name the path as given.
  refuse_irregular_target(target);
  target_ = resolve_target(target);
  const fs::path path(target_);
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  tmp_ = (dir / ("." + path.filename().string() + std::string(tag) + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmp_.data());
  if (fd < 0) {
    throw numerics::InvalidInput({}, target + ": cannot create a file in " + dir.string() + " (" +
                                         errno_text() + "); choose a writable directory");
  }
  file_ = ::fdopen(fd, "w");
  if (!file_) {
    ::close(fd);
    ::unlink(tmp_.c_str());
    throw std::runtime_error("cannot open " + tmp_ + ": " + errno_text());
  }
  std::setvbuf(file_, nullptr, _IOFBF, kBufferBytes);
}

StagedFile::~StagedFile() { discard(); }

void StagedFile::write(std::string_view text) {
  if (!file_) throw std::runtime_error("write to a closed file " + tmp_);
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
    throw std::runtime_error("cannot write " + tmp_ + ": " + errno_text());
  }
}

void StagedFile::close_for_reading() {
  if (!file_) return;
  const bool ok = std::fflush(file_) == 0;
  std::fclose(file_);
  file_ = nullptr;
  if (!ok) throw std::runtime_error("cannot write " + tmp_ + ": " + errno_text());
}

void StagedFile::commit() {
  if (file_) {
    if (std::fflush(file_) != 0 || ::fsync(::fileno(file_)) != 0) {
      throw std::runtime_error("cannot write " + tmp_ + ": " + errno_text());
    }
    // mkstemp creates 0600: the output takes the mode of the file it
    // replaces, or the umask's for a new one (replacement_mode).
    if (::fchmod(::fileno(file_), replacement_mode(target_)) != 0) {
      throw std::runtime_error("cannot chmod " + tmp_ + ": " + errno_text());
    }
    std::fclose(file_);
    file_ = nullptr;
  }
  if (::rename(tmp_.c_str(), target_.c_str()) != 0) {
    throw std::runtime_error("cannot rename " + tmp_ + " to " + target_ + ": " + errno_text());
  }
  done_ = true;
  // The rename itself, like write_file_atomically's, survives a crash.
  sync_directory_of(target_);
}

void StagedFile::discard() noexcept {
  if (file_) {
    std::fclose(file_);
    file_ = nullptr;
  }
  if (!done_) {
    ::unlink(tmp_.c_str());
    done_ = true;
  }
}

}  // namespace gsd
