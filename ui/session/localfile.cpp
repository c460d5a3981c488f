#include "localfile.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <QFile>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace session {

const LocalFile::SystemCalls LocalFile::posix = {::write, ::fdatasync, ::close, ::fsync};

namespace {

constexpr qsizetype kMaxNameInTemporary = 200;  // keeps a temporary's name within NAME_MAX

QString errnoText(int code) {
    return QString::fromLocal8Bit(std::strerror(code));
}

// What a file that is not a regular file is, for a message.
QString kindOf(mode_t mode) {
    if (S_ISDIR(mode)) return QStringLiteral("it is a directory");
    if (S_ISFIFO(mode)) return QStringLiteral("it is a FIFO");
    if (S_ISCHR(mode) || S_ISBLK(mode)) return QStringLiteral("it is a device");
    if (S_ISSOCK(mode)) return QStringLiteral("it is a socket");
    return QStringLiteral("it is not a regular file");
}

bool allDigits(const QByteArray& text) {
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
    });
}

// Removes the temporaries "PREFIXPID.bplab-partial" in `directory` that no running process
// is writing: those of processes that no longer exist, and this process's own (it writes one
// file at a time, and has not begun this one).
void removeStaleTemporaries(const QByteArray& directory, const QByteArray& prefix) {
    DIR* listing = opendir(directory.constData());
    if (!listing) return;
    const QByteArray suffix = LocalFile::partialSuffix;
    while (const dirent* entry = readdir(listing)) {
        const QByteArray name(entry->d_name);
        if (!name.startsWith(prefix) || !name.endsWith(suffix)) continue;
        const QByteArray pidText = name.sliced(prefix.size()).chopped(suffix.size());
        if (!allDigits(pidText) || pidText.size() > 9) continue;
        const pid_t pid = static_cast<pid_t>(pidText.toLong());
        if (pid == getpid() || (pid > 0 && kill(pid, 0) != 0 && errno == ESRCH))
            unlinkat(dirfd(listing), entry->d_name, 0);
    }
    closedir(listing);
}

// One save in progress: its target, its temporary and the first error. Each step returns
// false with error() set; an uncommitted temporary is removed when the object goes.
class Replacement {
public:
    Replacement(const QByteArray& path, const LocalFile::SystemCalls& calls)
        : path_(path), calls_(calls) {}
    ~Replacement() { discard(); }

    bool resolveTarget();
    bool createTemporary();
    bool writeAll(const QByteArray& contents);
    bool commit();
    const QString& error() const { return error_; }

private:
    bool fail(const QString& why);
    bool failWithErrno() { return fail(errnoText(errno)); }
    bool syncDirectory();
    void discard();

    QByteArray path_;       // as given, and as messages name it
    QByteArray target_;     // the file replaced: path_, or the file its link points to
    QByteArray directory_;  // of target_
    QByteArray name_;       // of target_ within directory_
    QByteArray temporary_;
    const LocalFile::SystemCalls& calls_;
    bool exists_ = false;  // target_ exists (and is a regular file)
    mode_t mode_ = 0;      // target_'s permissions, when it exists
    int fd_ = -1;          // the open temporary
    bool temporaryExists_ = false;
    QString error_;
};

bool Replacement::fail(const QString& why) {
    error_ = QStringLiteral("cannot save %1: %2").arg(LocalFile::displayName(path_), why);
    return false;
}

// The file to replace must be a regular file, or not exist yet.
bool Replacement::resolveTarget() {
    if (path_.isEmpty()) {
        error_ = QStringLiteral("cannot save: no file name given");
        return false;
    }
    target_ = path_;
    struct stat status;
    if (lstat(target_.constData(), &status) == 0 && S_ISLNK(status.st_mode)) {
        char* resolved = realpath(path_.constData(), nullptr);
        if (!resolved)
            return fail(
                QStringLiteral("its link does not lead to a file (%1)").arg(errnoText(errno)));
        target_ = resolved;
        std::free(resolved);
    }
    if (stat(target_.constData(), &status) == 0) {
        if (!S_ISREG(status.st_mode)) return fail(kindOf(status.st_mode));
        exists_ = true;
        mode_ = status.st_mode & 0777;
    } else if (errno != ENOENT) {
        return failWithErrno();
    }
    const qsizetype slash = target_.lastIndexOf('/');
    directory_ = slash < 0 ? QByteArray(".") : slash == 0 ? QByteArray("/") : target_.left(slash);
    name_ = target_.sliced(slash + 1);
    if (name_.isEmpty()) return fail(errnoText(EISDIR));
    return true;
}

// ".NAME.PID.bplab-partial" beside the target, with the target's permissions.
bool Replacement::createTemporary() {
    const QByteArray prefix = '.' + name_.left(kMaxNameInTemporary) + '.';
    removeStaleTemporaries(directory_, prefix);
    temporary_ =
        directory_ + '/' + prefix + QByteArray::number(getpid()) + LocalFile::partialSuffix;
    fd_ = open(temporary_.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd_ < 0) return failWithErrno();
    temporaryExists_ = true;
    if (exists_ && fchmod(fd_, mode_) != 0) return failWithErrno();
    return true;
}

// Every byte, through short writes and interruptions.
bool Replacement::writeAll(const QByteArray& contents) {
    const char* data = contents.constData();
    qsizetype left = contents.size();
    while (left > 0) {
        const ssize_t written = calls_.write(fd_, data, static_cast<size_t>(left));
        if (written < 0 && errno == EINTR) continue;
        if (written < 0) return failWithErrno();
        if (written == 0) return fail(errnoText(ENOSPC));
        data += written;
        left -= written;
    }
    return true;
}

// On the disk, then in the target's place.
bool Replacement::commit() {
    if (calls_.fdatasync(fd_) != 0) return failWithErrno();
    if (calls_.close(std::exchange(fd_, -1)) != 0) return failWithErrno();
    if (rename(temporary_.constData(), target_.constData()) != 0) return failWithErrno();
    temporaryExists_ = false;
    return syncDirectory();
}

// Makes the rename itself durable. A directory that cannot be opened for reading cannot be
// synced, and some file systems cannot sync one (EINVAL); neither is an error of the save.
bool Replacement::syncDirectory() {
    const int directory = open(directory_.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory < 0) return true;
    const int synced = calls_.fsync(directory);
    const int code = errno;
    close(directory);
    if (synced == 0 || code == EINVAL) return true;
    return fail(QStringLiteral("%1 (the new file is in place, but may not be on the disk)")
                    .arg(errnoText(code)));
}

void Replacement::discard() {
    if (fd_ >= 0) close(std::exchange(fd_, -1));
    if (temporaryExists_) unlink(temporary_.constData());
    temporaryExists_ = false;
}

}  // namespace

bool LocalFile::read(const QByteArray& path, qint64 maxBytes, QByteArray* contents,
                     QString* error) {
    const auto fail = [&](const QString& why) {
        if (error) *error = QStringLiteral("cannot open %1: %2").arg(displayName(path), why);
        return false;
    };
    if (path.isEmpty()) {
        if (error) *error = QStringLiteral("cannot open: no file name given");
        return false;
    }
    // Looked at before it is opened: opening a device or a FIFO may wait or do something.
    struct stat status;
    if (stat(path.constData(), &status) != 0) return fail(errnoText(errno));
    if (!S_ISREG(status.st_mode)) return fail(kindOf(status.st_mode));
    // Should the name become a FIFO meanwhile, O_NONBLOCK keeps the open from waiting.
    const int fd = open(path.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return fail(errnoText(errno));
    const auto closeAndFail = [&](const QString& why) {
        close(fd);
        return fail(why);
    };
    if (fstat(fd, &status) != 0) return closeAndFail(errnoText(errno));
    if (!S_ISREG(status.st_mode)) return closeAndFail(kindOf(status.st_mode));
    const QString tooLarge = QStringLiteral("it is %1 bytes, more than the limit of %2 bytes");
    if (status.st_size > maxBytes) return closeAndFail(tooLarge.arg(status.st_size).arg(maxBytes));

    // Until the end, growing the buffer; a file that grew past the limit meanwhile is refused.
    QByteArray bytes(std::min<qint64>(status.st_size, maxBytes) + 1, Qt::Uninitialized);
    qsizetype total = 0;
    while (total <= maxBytes) {
        if (total == bytes.size()) bytes.resize(std::min<qint64>(2 * total, maxBytes + 1));
        const ssize_t got = ::read(fd, bytes.data() + total, size_t(bytes.size() - total));
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return closeAndFail(errnoText(errno));
        if (got == 0) break;
        total += got;
    }
    close(fd);
    if (total > maxBytes) return fail(tooLarge.arg(total).arg(maxBytes));
    bytes.truncate(total);
    *contents = std::move(bytes);
    return true;
}

bool LocalFile::replace(const QByteArray& path, const QByteArray& contents, QString* error,
                        const SystemCalls& calls) {
    Replacement replacement(path, calls);
    if (replacement.resolveTarget() && replacement.createTemporary() &&
        replacement.writeAll(contents) && replacement.commit())
        return true;
    if (error) *error = replacement.error();
    return false;
}

QString LocalFile::displayName(const QByteArray& path) {
    return QFile::decodeName(path);
}

}  // namespace session
