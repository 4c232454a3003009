#pragma once
// Files that matter are replaced atomically: the content goes to a temporary
// file in the same directory, is flushed and fsync'ed, then renamed over the
// target (POSIX rename is atomic within a file system), and the directory is
// fsync'ed so the rename itself survives a crash. A reader sees the old file
// or the new one, never half of either.
#include <string>

namespace gsd {

// Throws InvalidInput if the path names a directory or its directory is not
// writable (bad input: the user named a path), std::runtime_error on an I/O
// failure after that.
void write_file_atomically(const std::string& path, const std::string& content);

// Throws InvalidInput if the path names an existing directory, which no file
// can replace: checked before anything is written (write_file_atomically,
// StagedFile).
void refuse_directory_target(const std::string& path);

}  // namespace gsd
