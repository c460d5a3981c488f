#include "ui/session/sessionfile.h"

#include <gtest/gtest.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <chrono>
#include <future>
#include <random>
#include <utility>

#include "../core/workedexample.h"
#include "../support/directory.h"
#include "core/activation.h"
#include "largestsession.h"

namespace {

using session::Session;
using session::SessionFile;
using testing_support::namesIn;

const QString kData = QStringLiteral(TEST_DATA_DIR);

// A name from Qt as the bytes the system uses.
QByteArray native(const QString& path) {
    return QFile::encodeName(path);
}

Session workedExampleSession() {
    return {testing_support::workedExample(), {}};
}

TEST(SessionFileTest, ReadsTheWorkedExample) {
    QString error;
    const std::optional<Session> session = SessionFile::read(kData + "/valid-mazur.json", &error);
    ASSERT_TRUE(session) << error.toStdString();
    EXPECT_EQ(session->config, testing_support::workedExample());
}

// Every file of the malformed corpus, with the error it must give: the field and what is wrong.
struct Malformed {
    const char* file;
    const char* error;  // the whole message after "<file>: ", or its start when `prefix`
    bool prefix = false;
};

const Malformed kCorpus[] = {
    {"truncated", "not JSON: ", true},
    {"empty", "not JSON: ", true},
    {"infinite-number", "not JSON: illegal number", true},
    {"nan-literal", "not JSON: ", true},
    {"top-level-array", "not a session: the top level must be a JSON object"},
    {"wrong-format", "format: expected \"backprop-lab-session\", got \"tensorflow-playground\""},
    {"missing-format", "format: missing"},
    {"future-version", "version: version 2 is not supported (this program reads version 1)"},
    {"missing-layers", "layers: missing"},
    {"layers-string", "layers: expected an array, got a string"},
    {"layer-zero", "layers[1]: must be from 1 to 64, got 0"},
    {"layer-fraction", "layers[1]: expected a whole number, got 2.5"},
    {"layer-too-wide", "layers[1]: must be from 1 to 64, got 65"},
    {"too-many-layers", "layers: expected 2 to 8 layers, got 9"},
    {"one-layer", "layers: expected 2 to 8 layers, got 1"},
    {"unknown-activation",
     "activations[1]: unknown activation \"softmax\" (expected sigmoid, tanh, relu or linear)"},
    {"activation-count", "activations: expected one per non-input layer (2), got 1"},
    {"activation-number", "activations[1]: expected a string, got a number"},
    {"bias-mode", "bias_mode: expected \"shared\" or \"per-node\", got \"per-layer\""},
    {"train-biases-string", "train_biases: expected true or false, got a string"},
    {"learning-rate-negative", "learning_rate: must be a number above 0 and at most 1e6"},
    {"learning-rate-string", "learning_rate: expected a number, got a string"},
    {"seed-negative", "seed: must be from 0 to 9007199254740992, got -1"},
    {"seed-fraction", "seed: expected a whole number, got 1.5"},
    {"weights-rows", "weights[1]: expected one row per node of layer 2 (2), got 3"},
    {"weights-row-length", "weights[0][1]: expected 2 values, got 1"},
    {"weights-layers", "weights: expected 2 layers of weights, got 1"},
    {"weight-string", "weights[1][0][1]: expected a number, got a string"},
    {"weight-null", "weights[0][0][0]: expected a number, got null"},
    {"weights-flat", "weights[0]: expected an array, got a number"},
    {"biases-count", "biases: expected one entry per non-input layer (2), got 3"},
    {"biases-nested-for-shared", "biases[0]: expected a number, got an array"},
    {"biases-flat-for-per-node", "biases[0]: expected an array, got a number"},
    {"biases-per-node-length", "biases[1]: expected 2 values, got 1"},
    {"samples-empty", "samples: expected 1 to 1024 samples, got 0"},
    {"samples-object", "samples: expected an array, got an object"},
    {"sample-array", "samples[0]: expected an object, got an array"},
    {"sample-input-size", "samples[0].input: expected 2 values, got 3"},
    {"sample-target-missing", "samples[0].target: missing"},
    {"sample-unknown-key", "samples[0].label: unknown key (expected input, target)"},
    {"sample-target-string", "samples[0].target[0]: expected a number, got a string"},
    {"unknown-key", "learning-rate: unknown key (expected one of: format, version,", true},
    {"description-number", "description: expected a string, got a number"},
    {"description-too-long", "description: expected at most 4096 characters, got 4097"},
    {"description-lone-surrogate", "description: expected Unicode text, got an unpaired surrogate"},
};

TEST(SessionFileTest, EveryMalformedFileGetsItsErrorAndChangesNothing) {
    const QStringList files = QDir(kData + "/malformed").entryList({"*.json"}, QDir::Files);
    ASSERT_EQ(files.size(), static_cast<qsizetype>(std::size(kCorpus)))
        << "every file of tests/data/malformed needs its expected error here";
    for (const Malformed& item : kCorpus) {
        SCOPED_TRACE(item.file);
        const QString file = QString(item.file) + ".json";
        Session target = workedExampleSession();
        target.description = "kept";
        const Session before = target;
        QString error;
        EXPECT_FALSE(SessionFile::load(native(kData + "/malformed/" + file), target, &error));
        const QString expected = file + ": " + item.error;
        if (item.prefix)
            EXPECT_TRUE(error.startsWith(expected)) << error.toStdString();
        else
            EXPECT_EQ(error, expected);
        EXPECT_EQ(target, before);
    }
}

// The names an "(expected a, b or c)" list gives, in order.
QStringList listedNames(const QString& message) {
    const qsizetype start = message.indexOf("(expected ") + 10;
    const QString list = message.mid(start, message.lastIndexOf(')') - start);
    return list.split(QRegularExpression(", | or "));
}

QStringList tableNames() {
    QStringList names;
    for (const core::ActivationInfo& info : core::kActivations)
        names.append(QString::fromUtf8(info.name.data(), info.name.size()));
    return names;
}

TEST(SessionFileTest, UnknownActivationListsExactlyTheActivationsOfTheTable) {
    QJsonObject root =
        QJsonDocument::fromJson(SessionFile::toJson(workedExampleSession())).object();
    root["activations"] = QJsonArray{"sigmoid", "softmax"};
    QString error;
    EXPECT_FALSE(SessionFile::parse(QJsonDocument(root).toJson(), &error));
    EXPECT_TRUE(error.startsWith("activations[1]: unknown activation \"softmax\" (expected "))
        << error.toStdString();
    EXPECT_EQ(listedNames(error), tableNames()) << error.toStdString();
}

TEST(SessionFileTest, ReadsEveryActivationOfTheTable) {
    for (const core::ActivationInfo& info : core::kActivations) {
        SCOPED_TRACE(std::string(info.name));
        Session session = workedExampleSession();
        session.config.activations = {info.activation, info.activation};
        QString error;
        const std::optional<Session> read =
            SessionFile::parse(SessionFile::toJson(session), &error);
        ASSERT_TRUE(read) << error.toStdString();
        EXPECT_EQ(*read, session);
    }
}

TEST(SessionFileTest, RefusesFilesThatAreTooLargeOrMissing) {
    QTemporaryDir dir;
    const QString big = dir.filePath("big.json");
    QFile file(big);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(SessionFile::maxBytes + 1, ' '));
    file.close();
    QString error;
    Session target = workedExampleSession();
    EXPECT_FALSE(SessionFile::load(native(big), target, &error));
    EXPECT_EQ(error,
              QStringLiteral("cannot open %1: it is %2 bytes, more than the limit of %3 bytes")
                  .arg(big)
                  .arg(SessionFile::maxBytes + 1)
                  .arg(SessionFile::maxBytes));
    EXPECT_FALSE(SessionFile::load(native(dir.filePath("absent.json")), target, &error));
    EXPECT_TRUE(error.startsWith("cannot open")) << error.toStdString();
    EXPECT_EQ(target, workedExampleSession());
}

TEST(SessionFileTest, SaveAndLoadRoundTripBitForBit) {
    std::mt19937_64 random(5);
    std::uniform_real_distribution<double> uniform(-10, 10);
    Session session;
    session.description = "A \"quoted\" description\nwith two lines";
    session.config.layers = {3, 4, 2};
    session.config.activations = {core::Activation::Tanh, core::Activation::Linear};
    session.config.biasMode = core::BiasMode::PerNode;
    session.config.trainBiases = true;
    session.config.learningRate = 0.1 + 1e-17;
    session.config.seed = 123456789;
    session.config.momentum = 0.85;
    session.config.samples = {{{1, 2, 3}, {4, 5}}, {{uniform(random), 0, 1}, {1e-300, -7}}};
    core::Parameters parameters = core::initialParameters(session.config);
    for (double& w : parameters.weights)
        w = uniform(random) / 3;
    core::storeParameters(parameters, session.config);

    QTemporaryDir dir;
    const QString path = dir.filePath("session.json");
    QString error;
    ASSERT_TRUE(SessionFile::save(native(path), session, &error)) << error.toStdString();
    Session loaded;
    ASSERT_TRUE(SessionFile::load(native(path), loaded, &error)) << error.toStdString();
    EXPECT_EQ(loaded, session);
}

// Bytes of the largest session, as SessionFile::maxBytes documents them.
constexpr qsizetype kLargestSessionBytes = 4'221'253;

TEST(SessionFileTest, LargestSessionRoundTrips) {
    const Session largest = testing_support::largestSession();
    ASSERT_EQ(core::validateConfig(largest.config), "");
    const QByteArray json = SessionFile::toJson(largest);
    EXPECT_EQ(json.size(), kLargestSessionBytes);
    EXPECT_LE(json.size() * 3 / 2, SessionFile::maxBytes) << "keep a margin of half";

    QTemporaryDir dir;
    const QByteArray path = native(dir.filePath("largest.json"));
    QString error;
    ASSERT_TRUE(SessionFile::save(path, largest, &error)) << error.toStdString();
    EXPECT_EQ(QFileInfo(QFile::decodeName(path)).size(), kLargestSessionBytes);
    const std::optional<Session> loaded = SessionFile::read(path, &error);
    ASSERT_TRUE(loaded) << error.toStdString();
    EXPECT_TRUE(*loaded == largest);
}

TEST(SessionFileTest, NamesAreBytesThatNeedNotBeUtf8) {
    QTemporaryDir dir;
    const QByteArray name = "\xff\xfe.json";
    const QByteArray path = native(dir.path()) + "/" + name;
    QString error;
    const bool saved = SessionFile::save(path, workedExampleSession(), &error);
    const std::vector<QByteArray> names = namesIn(native(dir.path()));
    const std::optional<Session> loaded = SessionFile::read(path, &error);
    ::unlink(path.constData());  // QTemporaryDir cannot remove it
    ASSERT_TRUE(saved) << error.toStdString();
    EXPECT_EQ(names, std::vector<QByteArray>{name});
    ASSERT_TRUE(loaded) << error.toStdString();
    EXPECT_EQ(*loaded, workedExampleSession());
}

TEST(SessionFileTest, ReadRefusesWhatIsNotARegularFileAtOnce) {
    QTemporaryDir dir;
    const QByteArray fifo = native(dir.filePath("fifo.json"));
    ASSERT_EQ(::mkfifo(fifo.constData(), 0600), 0);
    // Were the read to wait for a writer, opening the FIFO for writing ends the wait.
    auto reading = std::async(std::launch::async, [&] {
        QString error;
        const bool read = SessionFile::read(fifo, &error).has_value();
        return std::pair(read, error);
    });
    if (reading.wait_for(std::chrono::seconds(5)) == std::future_status::timeout) {
        ADD_FAILURE() << "reading a FIFO waits for a writer";
        ::close(::open(fifo.constData(), O_WRONLY | O_NONBLOCK));
    }
    const auto [read, error] = reading.get();
    EXPECT_FALSE(read);
    EXPECT_EQ(error, "cannot open " + dir.filePath("fifo.json") + ": it is a FIFO");

    const std::pair<QByteArray, QString> others[] = {
        {native(dir.path()), "cannot open " + dir.path() + ": it is a directory"},
        {"/dev/null", "cannot open /dev/null: it is a device"},
        {"", "cannot open: no file name given"},
    };
    for (const auto& [path, expected] : others) {
        QString problem;
        EXPECT_FALSE(SessionFile::read(path, &problem)) << path.toStdString();
        EXPECT_EQ(problem, expected);
    }
}

TEST(SessionFileTest, PresetsAreReadFromTheResources) {
    QString error;
    const std::optional<Session> mazur =
        SessionFile::read(QStringLiteral(":/presets/mazur.json"), &error);
    ASSERT_TRUE(mazur) << error.toStdString();
    EXPECT_EQ(mazur->config.layers, (std::vector<int>{2, 2, 2}));
}

TEST(SessionFileTest, WritesTheDocumentedKeysInOrder) {
    const QByteArray json = SessionFile::toJson(workedExampleSession());
    qsizetype last = -1;
    for (const char* key : {"\"format\"", "\"version\"", "\"layers\"", "\"activations\"",
                            "\"bias_mode\"", "\"train_biases\"", "\"learning_rate\"", "\"seed\"",
                            "\"weights\"", "\"biases\"", "\"samples\""}) {
        const qsizetype at = json.indexOf(key);
        EXPECT_GT(at, last) << key;
        last = at;
    }
    EXPECT_TRUE(json.contains("\"biases\": [0.34999999999999998, 0.59999999999999998]"));
    // Plain gradient descent leaves momentum out, as files before it had no such key.
    EXPECT_FALSE(json.contains("momentum"));
}

TEST(SessionFileTest, MomentumIsReadAndABadOneRefused) {
    QJsonObject root =
        QJsonDocument::fromJson(SessionFile::toJson(workedExampleSession())).object();
    root["momentum"] = 0.9;
    QString error;
    const std::optional<Session> session = SessionFile::parse(QJsonDocument(root).toJson(), &error);
    ASSERT_TRUE(session) << error.toStdString();
    EXPECT_EQ(session->config.momentum, 0.9);
    for (const QJsonValue bad : {QJsonValue(1.0), QJsonValue(-0.5), QJsonValue("0.9")}) {
        root["momentum"] = bad;
        error.clear();
        EXPECT_FALSE(SessionFile::parse(QJsonDocument(root).toJson(), &error));
        EXPECT_TRUE(error.contains("momentum")) << error.toStdString();
    }
}

TEST(SessionFileTest, FailedSaveLeavesTheOldFile) {
    QTemporaryDir dir;
    const QByteArray path = native(dir.filePath("session.json"));
    QString error;
    ASSERT_TRUE(SessionFile::save(path, workedExampleSession(), &error));
    const QString missing = dir.filePath("missing/dir/session.json");
    EXPECT_FALSE(SessionFile::save(native(missing), workedExampleSession(), &error));
    EXPECT_EQ(error, "cannot save " + missing + ": No such file or directory");
    EXPECT_FALSE(SessionFile::save(native(dir.path()), workedExampleSession(), &error));
    EXPECT_EQ(error, "cannot save " + dir.path() + ": it is a directory");
    EXPECT_FALSE(SessionFile::save("", workedExampleSession(), &error));
    EXPECT_EQ(error, "cannot save: no file name given");
    Session loaded;
    EXPECT_TRUE(SessionFile::load(path, loaded, &error));
    EXPECT_EQ(loaded, workedExampleSession());
}

}  // namespace
