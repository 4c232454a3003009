#pragma once
// Files that matter are replaced atomically: the content goes to a temporary
// file in the same directory, is flushed and fsync'ed, then renamed over the
// target (POSIX rename is atomic within a file system), and the directory is
// fsync'ed so the rename itself survives a crash. A reader sees the old file
// or the new one, never half of either.
//
// A target that is a symbolic link is followed first: the file it points to
// is replaced and the link kept (a rename onto the link would replace the
// link with a copy, and writers through different links would part ways).
#include <string>
#include <vector>

namespace gsd {

// Throws InvalidInput if the path names a directory or another file that is
// not a regular file, or its directory is not writable (bad input: the user
// named a path), std::runtime_error on an I/O failure after that.
void write_file_atomically(const std::string& path, const std::string& content);

// The same in two steps, for an output that must appear only after another
// file is committed (a committee's report after its record): the
// constructor writes and fsyncs the whole content beside the target, where
// every error of space or permission happens; install() only renames it
// into place. Dropped without install(), the temporary file is removed.
class PreparedFile {
 public:
  PreparedFile(const std::string& path, const std::string& content);
  ~PreparedFile();
  PreparedFile(const PreparedFile&) = delete;
  PreparedFile& operator=(const PreparedFile&) = delete;
  void install();

 private:
  std::string target_;  // links followed
  std::string tmp_;
  bool installed_ = false;
};

// The permission bits a replacement of `target` (links followed) gets: the
// replaced file's, so that a committee's private record (0600) stays
// private through every add-look; for a new file, 0666 less the process's
// umask, as a file the process opened itself would get.
unsigned replacement_mode(const std::string& target);

// Fsyncs the directory that holds `path`, so that a rename into it survives
// a crash (best effort: a directory that cannot be opened is left as is).
void sync_directory_of(const std::string& path) noexcept;

// The file `path` stands for once the symbolic links of its last component
// are followed (the link's target, relative to the link's directory when
// relative); `path` itself, as given, when it is not a link. InvalidInput
// after 40 links (Linux's MAXSYMLINKS), a loop.
std::string resolve_target(const std::string& path);

// Throws InvalidInput if the path names an existing directory, or an existing
// file that is not a regular file (a device, a FIFO, a socket), which a
// renamed file must not replace: checked before anything is written
// (write_file_atomically, StagedFile).
void refuse_irregular_target(const std::string& path);

// Whether two paths name the same file: the same device and inode when both
// exist, else the same absolute path once links are followed.
bool same_file(const std::string& a, const std::string& b);

// A path the user named, with what names it: "--report", "CONFIG".
struct NamedFile {
  std::string name;
  std::string path;
};

// Checks, before anything is written, every output a command will write
// (empty paths skipped): none may be a directory or another file that is not
// regular, sit in a directory that is missing or not writable, or be the same
// file as another output or as one of `inputs` (the config, the record, its
// lock file). InvalidInput naming the output: "--report = s.json is the same
// file as --record s.json; name another file", whose path is the output's
// name ("--report") and whose value is its file.
void check_output_files(const std::vector<NamedFile>& outputs,
                        const std::vector<NamedFile>& inputs = {});

}  // namespace gsd
