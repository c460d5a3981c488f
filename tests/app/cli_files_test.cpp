// backprop-lab-cli's files end to end: --config and --save with the real binary, on FIFOs,
// devices, names that are not UTF-8, a full disk and a failing sync.
#include <gtest/gtest.h>

#include <dirent.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <QByteArray>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <thread>
#include <vector>

#include "../session/largestsession.h"
#include "../support/directory.h"
#include "ui/session/sessionfile.h"

extern char** environ;

namespace {

using testing_support::namesIn;
using Arguments = std::vector<QByteArray>;

const QByteArray kStrace = "/usr/bin/strace";
const QByteArray kOld = "the old contents, kept byte for byte\n";

struct Result {
    bool finished = false;  // false: killed after the time allowed
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs `command` in `directory` with every argument passed as bytes (QProcess would pass them
// as UTF-8), killing it after `timeout`.
Result run(const Arguments& command, const QByteArray& directory,
           std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
    QTemporaryDir outputs;
    const QByteArray out = QFile::encodeName(outputs.filePath("out"));
    const QByteArray err = QFile::encodeName(outputs.filePath("err"));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.constData(), O_WRONLY | O_CREAT, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err.constData(), O_WRONLY | O_CREAT, 0600);
    posix_spawn_file_actions_addchdir_np(&actions, directory.constData());
    std::vector<char*> argv;
    for (const QByteArray& argument : command)
        argv.push_back(const_cast<char*>(argument.constData()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    Result result;
    if (spawned != 0) {
        ADD_FAILURE() << "cannot start " << argv[0];
        return result;
    }
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return result;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    result.finished = true;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    QFile outFile(outputs.filePath("out")), errFile(outputs.filePath("err"));
    if (outFile.open(QIODevice::ReadOnly)) result.out = outFile.readAll();
    if (errFile.open(QIODevice::ReadOnly)) result.err = errFile.readAll();
    return result;
}

Result runCli(const Arguments& arguments, const QByteArray& directory,
              std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
    Arguments command{CLI_PATH};
    command.insert(command.end(), arguments.begin(), arguments.end());
    return run(command, directory, timeout);
}

mode_t typeOf(const QByteArray& path) {
    struct stat status;
    return ::stat(path.constData(), &status) == 0 ? status.st_mode & S_IFMT : 0;
}

QByteArray contentsOf(const QByteArray& path) {
    QFile file(QFile::decodeName(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}

// An exit code with exactly one line on stderr, which names the program, and nothing on stdout
// (a refused argument), or with the run's output (a failed save).
void expectOneLine(const Result& result, int exitCode, const QByteArray& line) {
    EXPECT_TRUE(result.finished);
    EXPECT_EQ(result.exitCode, exitCode) << result.err.toStdString();
    EXPECT_EQ(result.err, "backprop-lab-cli: " + line + "\n");
    if (exitCode == 2) EXPECT_EQ(result.out, "");
}

// A temporary directory for one test, as bytes.
class CliFilesTest : public testing::Test {
protected:
    QByteArray dir() const { return QFile::encodeName(dir_.path()); }
    QByteArray path(const QByteArray& name) const { return dir() + "/" + name; }
    // Writes kOld to `name`.
    void writeOld(const QByteArray& name) const {
        QFile file(QFile::decodeName(path(name)));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        ASSERT_EQ(file.write(kOld), kOld.size());
    }

    QTemporaryDir dir_;
};

TEST_F(CliFilesTest, FifoAsConfigFailsAtOnce) {
    ASSERT_EQ(::mkfifo(path("fifo").constData(), 0600), 0);
    const Result result = runCli({"--config", "fifo"}, dir(), std::chrono::seconds(5));
    expectOneLine(result, 2, "--config: cannot open fifo: it is a FIFO (see --help)");
}

TEST_F(CliFilesTest, ConfigThatIsNotARegularFileGetsOneLine) {
    const std::pair<QByteArray, QByteArray> cases[] = {
        {".", "--config: cannot open .: it is a directory (see --help)"},
        {"/dev/null", "--config: cannot open /dev/null: it is a device (see --help)"},
        {"absent.json",
         "--config: cannot open absent.json: No such file or directory (see --help)"},
        {"", "--config: expected a file name, got \"\" (see --help)"},
    };
    for (const auto& [name, line] : cases) {
        SCOPED_TRACE(name.toStdString());
        expectOneLine(runCli({"--config", name}, dir(), std::chrono::seconds(5)), 2, line);
    }
}

// Output that cannot be written (here /dev/full: every write fails with ENOSPC) was reported as
// success; it is a failed run with one line.
TEST_F(CliFilesTest, OutputThatCannotBeWrittenFails) {
    if (::access("/dev/full", W_OK) != 0) GTEST_SKIP() << "no /dev/full";
    for (const char* format : {"table", "json", "csv"}) {
        const Result result =
            run({"/bin/sh", "-c",
                 QByteArray("exec \"$0\" --steps 10 --format ") + format + " >/dev/full", CLI_PATH},
                dir());
        expectOneLine(result, 1, "cannot write the output: No space left on device");
    }
}

TEST_F(CliFilesTest, EmptySaveNameIsABadArgument) {
    expectOneLine(runCli({"--save", ""}, dir()), 2,
                  "--save: expected a file name, got \"\" (see --help)");
    expectOneLine(runCli({"--save="}, dir()), 2,
                  "--save: expected a file name, got \"\" (see --help)");
    EXPECT_EQ(namesIn(dir()), Arguments{});
}

TEST_F(CliFilesTest, SaveOntoAFifoOrADeviceIsRefused) {
    ASSERT_EQ(::mkfifo(path("fifo").constData(), 0600), 0);
    expectOneLine(runCli({"--save", "fifo"}, dir(), std::chrono::seconds(5)), 1,
                  "cannot save fifo: it is a FIFO");
    EXPECT_EQ(typeOf(path("fifo")), S_IFIFO);
    expectOneLine(runCli({"--save", "/dev/null"}, dir(), std::chrono::seconds(5)), 1,
                  "cannot save /dev/null: it is a device");
    EXPECT_EQ(typeOf("/dev/null"), S_IFCHR);
    expectOneLine(runCli({"--save", "."}, dir()), 1, "cannot save .: it is a directory");
    expectOneLine(runCli({"--save", "missing/session.json"}, dir()), 1,
                  "cannot save missing/session.json: No such file or directory");
    EXPECT_EQ(namesIn(dir()), Arguments{"fifo"});
}

TEST_F(CliFilesTest, NamesPassThroughAsBytes) {
    const QByteArray name = "\xff\xfe.json";
    const Result saved = runCli({"--save", name}, dir());
    const std::vector<QByteArray> names = namesIn(dir());
    const Result loaded = runCli({"--config", name, "--steps", "0"}, dir());
    ::unlink(path(name).constData());  // QTemporaryDir cannot remove it
    EXPECT_EQ(saved.exitCode, 0) << saved.err.toStdString();
    EXPECT_EQ(names, Arguments{name});
    EXPECT_EQ(loaded.exitCode, 0) << loaded.err.toStdString();
}

// A save killed between its write and its rename leaves ".NAME.PID.bplab-partial"; the next
// save of NAME removes it when its process is gone.
TEST_F(CliFilesTest, TheNextSaveRemovesTheLeftoversOfAKilledOne) {
    writeOld(".target.json.4194305.bplab-partial");  // above the largest pid Linux allows
    const Result result = runCli({"--save", "target.json"}, dir());
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(namesIn(dir()), Arguments{"target.json"});
}

TEST_F(CliFilesTest, LargestSessionSavesAndLoadsAgain) {
    QString error;
    ASSERT_TRUE(
        session::SessionFile::save(path("largest.json"), testing_support::largestSession(), &error))
        << error.toStdString();
    const Result trained =
        runCli({"--config", "largest.json", "--save", "trained.json", "--format", "csv"}, dir());
    EXPECT_EQ(trained.exitCode, 0) << trained.err.toStdString();
    const Result loaded = runCli({"--config", "trained.json", "--steps", "0"}, dir());
    EXPECT_EQ(loaded.exitCode, 0) << loaded.err.toStdString();
}

// Whether `trace` (strace -o) shows a write to the save's temporary failing as injected.
bool temporaryWriteFailed(const QByteArray& trace) {
    static const QRegularExpression opened(R"(bplab-partial", O_WRONLY[^)]*\) = (\d+))");
    const QString text = QString::fromUtf8(trace);
    const QRegularExpressionMatch match = opened.match(text);
    if (!match.hasMatch()) return false;
    const QRegularExpression failed(
        QStringLiteral(R"(write\(%1, [^\n]*\(INJECTED\))").arg(match.captured(1)));
    return failed.match(text, match.capturedEnd()).hasMatch();
}

// LeakSanitizer cannot work under ptrace and would add its own lines: programs run under strace
// (by a sanitizer build of these tests) have it off.
class NoLeakCheckInChildren {
public:
    NoLeakCheckInChildren()
        : wasSet_(qEnvironmentVariableIsSet("ASAN_OPTIONS")), old_(qgetenv("ASAN_OPTIONS")) {
        qputenv("ASAN_OPTIONS", old_ + (old_.isEmpty() ? "" : ":") + "detect_leaks=0");
    }
    ~NoLeakCheckInChildren() {
        if (wasSet_)
            qputenv("ASAN_OPTIONS", old_);
        else
            qunsetenv("ASAN_OPTIONS");
    }

private:
    bool wasSet_;
    QByteArray old_;
};

// Under strace, which makes the failing calls fail in the real program.
TEST_F(CliFilesTest, FullDiskKeepsTheOldFile) {
    if (::access(kStrace.constData(), X_OK) != 0) GTEST_SKIP() << "strace is not installed";
    const NoLeakCheckInChildren underStrace;
    writeOld("target.json");
    QTemporaryDir traces;
    const QByteArray trace = QFile::encodeName(traces.filePath("trace"));
    // The n-th write that fails must be one of the save's: try the first few.
    for (int n = 1; n <= 8; ++n) {
        const QByteArray inject = "write:error=ENOSPC:when=" + QByteArray::number(n);
        const Result result = run({kStrace, "-f", "-o", trace, "-e", "trace=openat,write", "-e",
                                   "inject=" + inject, CLI_PATH, "--save", "target.json"},
                                  dir());
        if (!temporaryWriteFailed(contentsOf(trace))) continue;
        SCOPED_TRACE(inject.toStdString());
        expectOneLine(result, 1, "cannot save target.json: No space left on device");
        EXPECT_EQ(contentsOf(path("target.json")), kOld);
        EXPECT_EQ(namesIn(dir()), Arguments{"target.json"});
        return;
    }
    FAIL() << "no write of the save failed:\n" << contentsOf(trace).toStdString();
}

TEST_F(CliFilesTest, FailedSyncKeepsTheOldFile) {
    if (::access(kStrace.constData(), X_OK) != 0) GTEST_SKIP() << "strace is not installed";
    const NoLeakCheckInChildren underStrace;
    writeOld("target.json");
    for (const QByteArray call : {"fdatasync", "fsync"}) {
        const Result result =
            run({kStrace, "-f", "-o", "/dev/null", "-e", "inject=" + call + ":error=EIO", CLI_PATH,
                 "--save", "target.json"},
                dir());
        SCOPED_TRACE(call.toStdString());
        EXPECT_EQ(result.exitCode, 1);
        EXPECT_EQ(namesIn(dir()), Arguments{"target.json"});
        if (call == "fdatasync") {
            expectOneLine(result, 1, "cannot save target.json: Input/output error");
            EXPECT_EQ(contentsOf(path("target.json")), kOld);
        } else {  // the directory's sync, after the rename: the save is not reported a success
            expectOneLine(result, 1,
                          "cannot save target.json: Input/output error (the new file is in "
                          "place, but may not be on the disk)");
        }
    }
}

}  // namespace
