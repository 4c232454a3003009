#pragma once
// A large output file written as it is produced (e.g. one CSV row per
// simulated replicate): it goes to a temporary file next to the target and
// only commit() renames it into place, so an error or an interrupt never
// leaves a partial file under the target name. Small files use
// write_file_atomically (atomic_file.hpp) instead.
#include <cstdio>
#include <string>
#include <string_view>

namespace gsd {

class StagedFile {
 public:
  // Creates the temporary file next to the file `target` stands for (a
  // symbolic link is followed: its target is replaced, the link kept);
  // InvalidInput if the directory is not writable or the target exists and
  // is not a regular file.
  explicit StagedFile(std::string target, std::string_view tag = "");
  ~StagedFile();  // discards unless committed
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;

  void write(std::string_view text);
  // Flushes, fsyncs and renames the temporary file onto `target`, then
  // fsyncs the directory (sync_directory_of).
  void commit();
  // Closes and removes the temporary file (idempotent).
  void discard() noexcept;

  const std::string& temporary_path() const noexcept { return tmp_; }
  // Flushes and closes the temporary file without renaming it (for a caller
  // that concatenates parts written by several processes).
  void close_for_reading();

 private:
  std::string target_;
  std::string tmp_;
  std::FILE* file_ = nullptr;
  bool done_ = false;
};

}  // namespace gsd
