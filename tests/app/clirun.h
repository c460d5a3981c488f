#pragma once

#include <gtest/gtest.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace testing_support {

// One run of backprop-lab-cli: its exit code and its output as text.
struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the CLI (CLI_PATH) with `arguments` and waits for it, a minute at most.
inline CliResult runCli(const QStringList& arguments) {
    QProcess process;
    process.start(CLI_PATH, arguments);
    EXPECT_TRUE(process.waitForFinished(60000));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// The JSON the CLI writes with `arguments`, which must succeed.
inline QJsonObject runJson(const QStringList& arguments) {
    const CliResult result = runCli(QStringList{"--format", "json"} + arguments);
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << result.out.toStdString();
    return document.object();
}

}  // namespace testing_support
