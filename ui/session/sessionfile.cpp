#include "sessionfile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <cstdint>
#include <string>
#include <vector>

#include "core/activation.h"
#include "core/topology.h"
#include "jsonreader.h"
#include "jsonwriter.h"
#include "localfile.h"

namespace session {

namespace {

bool readNumber(JsonReader& reader, const QJsonValue& value, const QString& field, double& out) {
    return reader.number(value, field, out);
}

// An array of numbers.
bool readNumbers(JsonReader& reader, const QJsonValue& value, const QString& field,
                 std::vector<double>& out) {
    return reader.list(value, field, out, readNumber);
}

// An array of arrays of numbers: the rows of a matrix.
bool readNumberRows(JsonReader& reader, const QJsonValue& value, const QString& field,
                    std::vector<std::vector<double>>& out) {
    return reader.list(value, field, out, readNumbers);
}

bool readFormat(JsonReader& reader, const QJsonValue& value, const QString& field, Session&) {
    QString format;
    if (!reader.string(value, field, format)) return false;
    if (format == QLatin1String(SessionFile::formatName)) return true;
    return reader.fail(field, QStringLiteral("expected \"%1\", got \"%2\"")
                                  .arg(QLatin1String(SessionFile::formatName), format));
}

bool readVersion(JsonReader& reader, const QJsonValue& value, const QString& field, Session&) {
    long long version = 0;
    if (!reader.integer(value, field, 1, 1e9, version)) return false;
    if (version == SessionFile::version) return true;
    return reader.fail(field, QStringLiteral("version %1 is not supported (this program reads "
                                             "version %2)")
                                  .arg(version)
                                  .arg(SessionFile::version));
}

// Text that is written back as it was read (UTF-8 has no unpaired surrogate), and bounded, so
// that a session read back is never too large to read again once written.
bool readDescription(JsonReader& reader, const QJsonValue& value, const QString& field,
                     Session& session) {
    if (!reader.string(value, field, session.description)) return false;
    if (!session.description.isValidUtf16())
        return reader.fail(field, QStringLiteral("expected Unicode text, got an unpaired "
                                                 "surrogate"));
    if (session.description.size() <= SessionFile::maxDescriptionLength) return true;
    return reader.fail(field, QStringLiteral("expected at most %1 characters, got %2")
                                  .arg(SessionFile::maxDescriptionLength)
                                  .arg(session.description.size()));
}

// The node count of one layer.
bool readLayerSize(JsonReader& reader, const QJsonValue& value, const QString& field,
                   long long& size) {
    return reader.integer(value, field, 1, core::ConfigLimits::maxLayerSize, size);
}

bool readLayers(JsonReader& reader, const QJsonValue& value, const QString& field,
                Session& session) {
    std::vector<long long> layers;
    if (!reader.list(value, field, layers, readLayerSize)) return false;
    if (layers.size() < core::ConfigLimits::minLayers ||
        layers.size() > core::ConfigLimits::maxLayers)
        return reader.fail(field, QStringLiteral("expected %1 to %2 layers, got %3")
                                      .arg(core::ConfigLimits::minLayers)
                                      .arg(core::ConfigLimits::maxLayers)
                                      .arg(layers.size()));
    session.config.layers.assign(layers.begin(), layers.end());
    return true;
}

// One activation, by the name core::kActivations gives it.
bool readActivation(JsonReader& reader, const QJsonValue& value, const QString& field,
                    core::Activation& activation) {
    QString name;
    if (!reader.string(value, field, name)) return false;
    const std::optional<core::Activation> known = core::activationFromName(name.toStdString());
    if (!known)
        return reader.fail(field,
                           QStringLiteral("unknown activation \"%1\" (expected %2)")
                               .arg(name, QString::fromStdString(core::activationNameList())));
    activation = *known;
    return true;
}

bool readActivations(JsonReader& reader, const QJsonValue& value, const QString& field,
                     Session& session) {
    return reader.list(value, field, session.config.activations, readActivation);
}

bool readBiasMode(JsonReader& reader, const QJsonValue& value, const QString& field,
                  Session& session) {
    QString name;
    if (!reader.string(value, field, name)) return false;
    const std::optional<core::BiasMode> mode = core::biasModeFromName(name.toStdString());
    if (!mode)
        return reader.fail(
            field, QStringLiteral("expected \"shared\" or \"per-node\", got \"%1\"").arg(name));
    session.config.biasMode = *mode;
    return true;
}

bool readTrainBiases(JsonReader& reader, const QJsonValue& value, const QString& field,
                     Session& session) {
    return reader.boolean(value, field, session.config.trainBiases);
}

bool readLearningRate(JsonReader& reader, const QJsonValue& value, const QString& field,
                      Session& session) {
    return reader.number(value, field, session.config.learningRate);
}

bool readMomentum(JsonReader& reader, const QJsonValue& value, const QString& field,
                  Session& session) {
    return reader.number(value, field, session.config.momentum);
}

bool readSeed(JsonReader& reader, const QJsonValue& value, const QString& field, Session& session) {
    long long seed = 0;
    if (!reader.integer(value, field, 0, 0x1p53, seed)) return false;
    session.config.seed = static_cast<std::uint64_t>(seed);
    return true;
}

// weights[layer][destination][source].
bool readWeights(JsonReader& reader, const QJsonValue& value, const QString& field,
                 Session& session) {
    return reader.list(value, field, session.config.weights, readNumberRows);
}

// The one bias of a layer that shares it: a number, kept as a list of one.
bool readSharedBias(JsonReader& reader, const QJsonValue& value, const QString& field,
                    std::vector<double>& out) {
    out.resize(1);
    return reader.number(value, field, out[0]);
}

// Shared: one number per layer; per node: one list per layer. Read after bias_mode.
bool readBiases(JsonReader& reader, const QJsonValue& value, const QString& field,
                Session& session) {
    const bool perNode = session.config.biasMode == core::BiasMode::PerNode;
    return reader.list(value, field, session.config.biases, perNode ? readNumbers : readSharedBias);
}

// One sample: an object with exactly the keys "input" and "target".
bool readSample(JsonReader& reader, const QJsonValue& value, const QString& field,
                core::Sample& sample) {
    if (!value.isObject()) return reader.expected(field, QStringLiteral("an object"), value);
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it.key() != QLatin1String("input") && it.key() != QLatin1String("target"))
            return reader.fail(field + QLatin1Char('.') + it.key(),
                               QStringLiteral("unknown key (expected input, target)"));
    const QString input = field + QStringLiteral(".input");
    const QString target = field + QStringLiteral(".target");
    if (!object.contains(QLatin1String("input")))
        return reader.fail(input, QStringLiteral("missing"));
    if (!object.contains(QLatin1String("target")))
        return reader.fail(target, QStringLiteral("missing"));
    return readNumbers(reader, object[QLatin1String("input")], input, sample.input) &&
           readNumbers(reader, object[QLatin1String("target")], target, sample.target);
}

bool readSamples(JsonReader& reader, const QJsonValue& value, const QString& field,
                 Session& session) {
    return reader.list(value, field, session.config.samples, readSample);
}

// The reader of one key of a session object.
struct KeyReader {
    const char* key;
    bool required;  // an absent optional key leaves the default of Session
    bool (*read)(JsonReader& reader, const QJsonValue& value, const QString& field,
                 Session& session);
};

// Every key a session object may hold, in the order they are read (and toJson writes them); a
// reader may rely on the keys before it (biases on bias_mode).
constexpr KeyReader kKeyReaders[] = {
    {"format", true, readFormat},
    {"version", true, readVersion},
    {"description", false, readDescription},
    {"layers", true, readLayers},
    {"activations", true, readActivations},
    {"bias_mode", true, readBiasMode},
    {"train_biases", true, readTrainBiases},
    {"learning_rate", false, readLearningRate},
    {"momentum", false, readMomentum},
    {"seed", false, readSeed},
    {"weights", false, readWeights},
    {"biases", false, readBiases},
    {"samples", true, readSamples},
};

// Fails on the first key of `root` that no reader knows.
bool readKnownKeys(JsonReader& reader, const QJsonObject& root) {
    QStringList keys;
    for (const KeyReader& entry : kKeyReaders)
        keys.append(QLatin1String(entry.key));
    for (auto it = root.begin(); it != root.end(); ++it)
        if (!keys.contains(it.key()))
            return reader.fail(it.key(), QStringLiteral("unknown key (expected one of: %1)")
                                             .arg(keys.join(QStringLiteral(", "))));
    return true;
}

// Sizes, shapes and ranges are the engine's to judge.
bool validate(JsonReader& reader, const core::NetworkConfig& config) {
    const QString problem = QString::fromStdString(core::validateConfig(config));
    if (problem.isEmpty()) return true;
    const QString separator = QStringLiteral(": ");
    return reader.fail(problem.section(separator, 0, 0), problem.section(separator, 1));
}

// Reads every field of a session object into `session`; false at the first bad field.
bool readSession(JsonReader& reader, const QJsonObject& root, Session& session) {
    if (!readKnownKeys(reader, root)) return false;
    for (const KeyReader& entry : kKeyReaders) {
        const QString key = QLatin1String(entry.key);
        if (!root.contains(key)) {
            if (entry.required) return reader.fail(key, QStringLiteral("missing"));
        } else if (!entry.read(reader, root[key], key, session)) {
            return false;
        }
    }
    return validate(reader, session.config);
}

// The session in `json`, read from the file `name`; a problem is named after the file.
std::optional<Session> parseFile(const QByteArray& json, const QString& name, QString* error) {
    QString problem;
    std::optional<Session> session = SessionFile::parse(json, &problem);
    if (!session && error)
        *error =
            name.sliced(name.lastIndexOf(QLatin1Char('/')) + 1) + QStringLiteral(": ") + problem;
    return session;
}

}  // namespace

std::optional<Session> SessionFile::parse(const QByteArray& json, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("not JSON: %1 at offset %2")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (error) *error = QStringLiteral("not a session: the top level must be a JSON object");
        return std::nullopt;
    }
    JsonReader reader;
    Session session;
    if (!readSession(reader, document.object(), session)) {
        if (error) *error = reader.error();
        return std::nullopt;
    }
    return session;
}

std::optional<Session> SessionFile::read(const QByteArray& path, QString* error) {
    QByteArray json;
    if (!LocalFile::read(path, maxBytes, &json, error)) return std::nullopt;
    return parseFile(json, LocalFile::displayName(path), error);
}

std::optional<Session> SessionFile::read(const QString& path, QString* error) {
    if (!path.startsWith(QLatin1Char(':'))) return read(QFile::encodeName(path), error);
    // A resource is compiled in: in memory, never a FIFO, and as large as it was built.
    QFile resource(path);
    if (!resource.open(QIODevice::ReadOnly)) {
        if (error) *error = QStringLiteral("cannot open %1: %2").arg(path, resource.errorString());
        return std::nullopt;
    }
    return parseFile(resource.read(maxBytes), path, error);
}

bool SessionFile::load(const QByteArray& path, Session& target, QString* error) {
    std::optional<Session> session = read(path, error);
    if (!session) return false;
    target = std::move(*session);
    return true;
}

QString SessionFile::withExtension(const QString& path) {
    if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)) return path;
    return path + QLatin1String(extension);
}

QString SessionFile::displayName(const QString& path) {
    const QString name = QFileInfo(path).fileName();
    for (const QLatin1String suffix : {QLatin1String(extension), QLatin1String(".json")})
        if (name.endsWith(suffix, Qt::CaseInsensitive) && name.size() > suffix.size())
            return name.chopped(suffix.size());
    return name;
}

QByteArray SessionFile::toJson(const Session& session) {
    const core::NetworkConfig& config = session.config;
    JsonWriter json;
    json.beginObject().field("format", formatName).field("version", version);
    if (!session.description.isEmpty())
        json.field("description", session.description.toStdString());
    writeNetworkKeys(json, config);
    json.field("seed", static_cast<long long>(config.seed));
    if (!config.weights.empty()) {
        json.key("weights").beginArray(true);
        for (const auto& layer : config.weights) {
            json.beginArray();
            for (const auto& row : layer)
                json.numbers(row);
            json.endArray();
        }
        json.endArray();
    }
    if (!config.biases.empty()) {
        json.key("biases").beginArray(config.biasMode == core::BiasMode::PerNode);
        for (const auto& layer : config.biases) {
            if (config.biasMode == core::BiasMode::PerNode)
                json.numbers(layer);
            else
                json.value(layer.front());
        }
        json.endArray();
    }
    json.key("samples").beginArray(true);
    for (const core::Sample& sample : config.samples) {
        json.beginObject().key("input").numbers(sample.input);
        json.key("target").numbers(sample.target).endObject();
    }
    json.endArray().endObject();
    return QByteArray::fromStdString(json.text() + "\n");
}

bool SessionFile::save(const QByteArray& path, const Session& session, QString* error) {
    return LocalFile::replace(path, toJson(session), error);
}

void writeNetworkKeys(JsonWriter& json, const core::NetworkConfig& config) {
    json.key("layers").beginArray();
    for (int size : config.layers)
        json.value(size);
    json.endArray().key("activations").beginArray();
    for (core::Activation a : config.activations)
        json.value(core::activationName(a));
    json.endArray()
        .field("bias_mode", core::biasModeName(config.biasMode))
        .field("train_biases", config.trainBiases)
        .field("learning_rate", config.learningRate);
    // Plain gradient descent leaves the key out, so that files stay as they were before it.
    if (config.momentum != 0.0) json.field("momentum", config.momentum);
}

}  // namespace session
