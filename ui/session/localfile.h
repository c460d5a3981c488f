#pragma once

#include <sys/types.h>
#include <QByteArray>
#include <QString>

namespace session {

// Whole-file reads and writes of local files, made with POSIX calls so that no error goes
// unseen. A file is named by bytes, as the system names it: a name need not be valid UTF-8.
//
// Reading never blocks: a FIFO, a device, a socket or a directory is refused before a byte is
// read, and so is a file larger than the caller's limit.
//
// Writing replaces a regular file, or creates one, or leaves everything byte for byte as it was
// and reports why. The bytes go to a temporary ".NAME.PID.bplab-partial" beside NAME (NAME cut
// to 200 bytes, PID the writer's process), created with O_EXCL; every write is checked, the
// temporary is synced (fdatasync), given the old file's mode, closed, renamed over NAME, and the
// directory is synced. Any failure before the rename removes the temporary and leaves NAME as
// it was. A process killed before its rename leaves its temporary behind: the next save of NAME
// removes every such temporary whose process no longer exists. A symbolic link is followed: the
// file it points to is replaced. Ownership is not kept: the new file belongs to the writer.
class LocalFile {
public:
    // The calls whose failure depends on the disk; tests replace them to inject ENOSPC or EIO.
    struct SystemCalls {
        ssize_t (*write)(int fd, const void* data, size_t size);
        int (*fdatasync)(int fd);  // of the temporary
        int (*close)(int fd);      // of the temporary
        int (*fsync)(int fd);      // of the directory, after the rename
    };
    static const SystemCalls posix;  // the real calls

    // The last part of the name of every temporary.
    static constexpr const char* partialSuffix = ".bplab-partial";

    // The regular file `path` in `contents`, if it has at most `maxBytes` bytes; otherwise false
    // with `error` set ("cannot open NAME: it is a FIFO", "NAME is 9 bytes, more than ...").
    static bool read(const QByteArray& path, qint64 maxBytes, QByteArray* contents, QString* error);
    // Replaces the file at `path` with `contents` as described above; false with `error` set
    // ("cannot save NAME: No space left on device") when the save could not be completed.
    static bool replace(const QByteArray& path, const QByteArray& contents, QString* error,
                        const SystemCalls& calls = posix);
    // `path` as messages show it: decoded, with bytes that are not UTF-8 shown as U+FFFD.
    static QString displayName(const QByteArray& path);
};

}  // namespace session
