#include "ui/session/localfile.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <cerrno>

namespace {

using session::LocalFile;

const QByteArray kOld = "the old contents, kept byte for byte\n";
const QByteArray kNew = QByteArray("{\"the new contents\": 1}\n").repeated(1000);

// What the system calls of a save do in a test: fail the n-th call of one kind, or write in
// small pieces, interrupted now and then.
struct Injection {
    int failWriteAt = 0;  // 1: the first write fails; 0: none
    int writeError = ENOSPC;
    bool failFdatasync = false;
    bool failClose = false;
    bool failDirectorySync = false;
    bool smallPieces = false;
    int writes = 0;
};
Injection injection;

ssize_t injectedWrite(int fd, const void* data, size_t size) {
    ++injection.writes;
    if (injection.writes == injection.failWriteAt) {
        errno = injection.writeError;
        return -1;
    }
    if (injection.smallPieces && injection.writes % 3 == 0) {
        errno = EINTR;
        return -1;
    }
    // The write before a failing one is short, as on a disk that is filling up.
    const bool beforeFailure = injection.writes + 1 == injection.failWriteAt;
    if (injection.smallPieces || beforeFailure) size = std::min<size_t>(size, 7);
    return ::write(fd, data, size);
}

int injectedFdatasync(int fd) {
    if (!injection.failFdatasync) return ::fdatasync(fd);
    errno = EIO;
    return -1;
}

int injectedClose(int fd) {
    const int closed = ::close(fd);
    if (!injection.failClose) return closed;
    errno = EIO;
    return -1;
}

int injectedFsync(int fd) {
    if (!injection.failDirectorySync) return ::fsync(fd);
    errno = EIO;
    return -1;
}

const LocalFile::SystemCalls kInjected = {injectedWrite, injectedFdatasync, injectedClose,
                                          injectedFsync};

// A directory holding "session.json" with kOld.
class LocalFileTest : public testing::Test {
protected:
    void SetUp() override {
        injection = {};
        ASSERT_TRUE(dir_.isValid());
        QFile file(dir_.filePath("session.json"));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        ASSERT_EQ(file.write(kOld), kOld.size());
    }

    QByteArray path(const char* name = "session.json") const {
        return QFile::encodeName(dir_.filePath(name));
    }
    QByteArray contents(const char* name = "session.json") const {
        QFile file(dir_.filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // Every name in the directory, hidden ones too.
    QStringList names() const {
        return QDir(dir_.path())
            .entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                       QDir::Name);
    }
    // A failed save that left session.json and the directory as they were.
    void expectFailureKeptTheOldFile(const char* errorText) {
        QString error;
        EXPECT_FALSE(LocalFile::replace(path(), kNew, &error, kInjected));
        EXPECT_EQ(error, "cannot save " + dir_.filePath("session.json") + ": " + errorText);
        EXPECT_EQ(contents(), kOld);
        EXPECT_EQ(names(), QStringList{"session.json"});
    }

    QTemporaryDir dir_;
};

TEST_F(LocalFileTest, ReplacesTheFileWhole) {
    QString error;
    ASSERT_TRUE(LocalFile::replace(path(), kNew, &error)) << error.toStdString();
    EXPECT_EQ(contents(), kNew);
    EXPECT_EQ(names(), QStringList{"session.json"});
    QByteArray read;
    ASSERT_TRUE(LocalFile::read(path(), kNew.size(), &read, &error)) << error.toStdString();
    EXPECT_EQ(read, kNew);
}

TEST_F(LocalFileTest, WritesEveryByteThroughShortWritesAndInterruptions) {
    injection.smallPieces = true;
    QString error;
    ASSERT_TRUE(LocalFile::replace(path(), kNew, &error, kInjected)) << error.toStdString();
    EXPECT_EQ(contents(), kNew);
    EXPECT_GT(injection.writes, kNew.size() / 7);
}

TEST_F(LocalFileTest, FullDiskKeepsTheOldFile) {
    injection.failWriteAt = 1;
    expectFailureKeptTheOldFile("No space left on device");
    injection = {};
    injection.failWriteAt = 2;  // after a short write
    expectFailureKeptTheOldFile("No space left on device");
    injection = {};
    injection.failWriteAt = 1;
    injection.writeError = EIO;
    expectFailureKeptTheOldFile("Input/output error");
}

TEST_F(LocalFileTest, FailedSyncKeepsTheOldFile) {
    injection.failFdatasync = true;
    expectFailureKeptTheOldFile("Input/output error");
}

TEST_F(LocalFileTest, FailedCloseKeepsTheOldFile) {
    injection.failClose = true;
    expectFailureKeptTheOldFile("Input/output error");
}

TEST_F(LocalFileTest, FailedDirectorySyncIsReportedAfterTheRename) {
    injection.failDirectorySync = true;
    QString error;
    EXPECT_FALSE(LocalFile::replace(path(), kNew, &error, kInjected));
    EXPECT_EQ(error, "cannot save " + dir_.filePath("session.json") +
                         ": Input/output error (the new file is in place, but may not be on "
                         "the disk)");
    EXPECT_EQ(names(), QStringList{"session.json"});
}

TEST_F(LocalFileTest, RefusesWhatIsNotARegularFile) {
    ASSERT_EQ(::mkfifo(path("fifo").constData(), 0600), 0);
    ASSERT_TRUE(QDir(dir_.path()).mkdir("directory"));
    const std::pair<QByteArray, QString> refused[] = {
        {path("fifo"), "cannot save " + dir_.filePath("fifo") + ": it is a FIFO"},
        {path("directory"), "cannot save " + dir_.filePath("directory") + ": it is a directory"},
        {"/dev/null", "cannot save /dev/null: it is a device"},
        {"", "cannot save: no file name given"},
    };
    for (const auto& [target, expected] : refused) {
        QString error;
        EXPECT_FALSE(LocalFile::replace(target, kNew, &error)) << target.toStdString();
        EXPECT_EQ(error, expected);
    }
    struct stat status;
    ASSERT_EQ(::stat(path("fifo").constData(), &status), 0);
    EXPECT_TRUE(S_ISFIFO(status.st_mode));
    ASSERT_EQ(::stat("/dev/null", &status), 0);
    EXPECT_TRUE(S_ISCHR(status.st_mode));
    EXPECT_EQ(names(), (QStringList{"directory", "fifo", "session.json"}));
}

TEST_F(LocalFileTest, KeepsThePermissionsAndFollowsALink) {
    ASSERT_EQ(::chmod(path().constData(), 0640), 0);
    ASSERT_EQ(::symlink("session.json", path("link").constData()), 0);
    QString error;
    ASSERT_TRUE(LocalFile::replace(path("link"), kNew, &error)) << error.toStdString();
    EXPECT_EQ(contents(), kNew);
    struct stat status;
    ASSERT_EQ(::lstat(path("link").constData(), &status), 0);
    EXPECT_TRUE(S_ISLNK(status.st_mode));
    ASSERT_EQ(::stat(path().constData(), &status), 0);
    EXPECT_EQ(status.st_mode & 07777, 0640u);
}

// The temporary of a process killed during its save is removed by the next save of the file;
// those of running processes and files that only look alike stay.
TEST_F(LocalFileTest, RemovesTheTemporariesOfProcessesThatAreGone) {
    const auto temporary = [&](const QString& middle) {
        return QStringLiteral(".session.json.%1%2").arg(middle, LocalFile::partialSuffix);
    };
    const QString gone = temporary("4194305");  // above the largest pid Linux allows
    const QString mine = temporary(QString::number(::getpid()));
    const QString running = temporary(QString::number(::getppid()));
    const QString alike = temporary("12.backup");
    const QString other = ".other.json.4194305" + QString(LocalFile::partialSuffix);
    for (const QString& name : {gone, mine, running, alike, other}) {
        QFile file(dir_.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    }
    QString error;
    ASSERT_TRUE(LocalFile::replace(path(), kNew, &error)) << error.toStdString();
    QStringList expected{alike, running, other, "session.json"};
    expected.sort();
    EXPECT_EQ(names(), expected);
}

TEST_F(LocalFileTest, ReadStopsAtTheLimit) {
    QByteArray read;
    QString error;
    EXPECT_TRUE(LocalFile::read(path(), kOld.size(), &read, &error)) << error.toStdString();
    EXPECT_EQ(read, kOld);
    EXPECT_FALSE(LocalFile::read(path(), kOld.size() - 1, &read, &error));
    EXPECT_EQ(error, QStringLiteral("cannot open %1: it is %2 bytes, more than the limit of %3 "
                                    "bytes")
                         .arg(dir_.filePath("session.json"))
                         .arg(kOld.size())
                         .arg(kOld.size() - 1));
}

}  // namespace
