#include "sessionfile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <cmath>

#include "jsonwriter.h"

namespace session {

namespace {

QString typeName(const QJsonValue& value) {
    switch (value.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return QStringLiteral("true or false");
        case QJsonValue::Double:
            return QStringLiteral("a number");
        case QJsonValue::String:
            return QStringLiteral("a string");
        case QJsonValue::Array:
            return QStringLiteral("an array");
        case QJsonValue::Object:
            return QStringLiteral("an object");
        case QJsonValue::Undefined:
            break;
    }
    return QStringLiteral("nothing");
}

QString at(const QString& field, qsizetype index) {
    return field + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

// Reads typed values out of a parsed document; the first failure is kept as the error.
class Reader {
public:
    const QString& error() const { return error_; }

    bool fail(const QString& field, const QString& problem) {
        if (error_.isEmpty()) error_ = field + QStringLiteral(": ") + problem;
        return false;
    }
    bool expected(const QString& field, const QString& what, const QJsonValue& got) {
        return fail(field, QStringLiteral("expected %1, got %2").arg(what, typeName(got)));
    }

    bool number(const QJsonValue& value, const QString& field, double& out) {
        if (!value.isDouble()) return expected(field, QStringLiteral("a number"), value);
        out = value.toDouble();
        if (!std::isfinite(out)) return fail(field, QStringLiteral("not a finite number"));
        return true;
    }

    bool integer(const QJsonValue& value, const QString& field, double low, double high,
                 long long& out) {
        double number = 0;
        if (!this->number(value, field, number)) return false;
        if (number != std::floor(number))
            return fail(field, QStringLiteral("expected a whole number, got %1").arg(number));
        if (number < low || number > high)
            return fail(field, QStringLiteral("must be from %1 to %2, got %3")
                                   .arg(low, 0, 'g', 17)
                                   .arg(high, 0, 'g', 17)
                                   .arg(number, 0, 'g', 17));
        out = static_cast<long long>(number);
        return true;
    }

    bool boolean(const QJsonValue& value, const QString& field, bool& out) {
        if (!value.isBool()) return expected(field, QStringLiteral("true or false"), value);
        out = value.toBool();
        return true;
    }

    bool string(const QJsonValue& value, const QString& field, QString& out) {
        if (!value.isString()) return expected(field, QStringLiteral("a string"), value);
        out = value.toString();
        return true;
    }

    bool array(const QJsonValue& value, const QString& field, QJsonArray& out) {
        if (!value.isArray()) return expected(field, QStringLiteral("an array"), value);
        out = value.toArray();
        return true;
    }

    // An array whose elements `element` reads into a vector.
    template <class T, class Element>
    bool list(const QJsonValue& value, const QString& field, std::vector<T>& out, Element element) {
        QJsonArray items;
        if (!array(value, field, items)) return false;
        out.resize(items.size());
        for (qsizetype i = 0; i < items.size(); ++i)
            if (!element(items[i], at(field, i), out[i])) return false;
        return true;
    }

    bool numbers(const QJsonValue& value, const QString& field, std::vector<double>& out) {
        return list(value, field, out, [this](const QJsonValue& v, const QString& f, double& x) {
            return number(v, f, x);
        });
    }

private:
    QString error_;
};

const QStringList kKeys = {"format",      "version",   "description",  "layers",
                           "activations", "bias_mode", "train_biases", "learning_rate",
                           "seed",        "weights",   "biases",       "samples"};

// Reads every field of a session object into `session`; false at the first bad field.
bool readSession(Reader& r, const QJsonObject& root, Session& session) {
    core::NetworkConfig& config = session.config;
    for (auto it = root.begin(); it != root.end(); ++it)
        if (!kKeys.contains(it.key()))
            return r.fail(it.key(), QStringLiteral("unknown key (expected one of: %1)")
                                        .arg(kKeys.join(QStringLiteral(", "))));
    const auto required = [&](const char* key) {
        if (root.contains(QLatin1String(key))) return true;
        return r.fail(QLatin1String(key), QStringLiteral("missing"));
    };

    QString format;
    if (!required("format") || !r.string(root["format"], "format", format)) return false;
    if (format != QLatin1String(SessionFile::formatName))
        return r.fail(
            "format",
            QStringLiteral("expected \"%1\", got \"%2\"").arg(SessionFile::formatName, format));
    long long version = 0;
    if (!required("version") || !r.integer(root["version"], "version", 1, 1e9, version))
        return false;
    if (version != SessionFile::version)
        return r.fail("version", QStringLiteral("version %1 is not supported (this program "
                                                "reads version %2)")
                                     .arg(version)
                                     .arg(SessionFile::version));
    if (root.contains("description") &&
        !r.string(root["description"], "description", session.description))
        return false;

    std::vector<long long> layers;
    if (!required("layers") || !r.list(root["layers"], "layers", layers,
                                       [&](const QJsonValue& v, const QString& f, long long& n) {
                                           return r.integer(v, f, 1,
                                                            core::ConfigLimits::maxLayerSize, n);
                                       }))
        return false;
    if (layers.size() < core::ConfigLimits::minLayers ||
        layers.size() > core::ConfigLimits::maxLayers)
        return r.fail("layers", QStringLiteral("expected %1 to %2 layers, got %3")
                                    .arg(core::ConfigLimits::minLayers)
                                    .arg(core::ConfigLimits::maxLayers)
                                    .arg(layers.size()));
    config.layers.assign(layers.begin(), layers.end());

    if (!required("activations") ||
        !r.list(root["activations"], "activations", config.activations,
                [&](const QJsonValue& v, const QString& f, core::Activation& a) {
                    QString name;
                    if (!r.string(v, f, name)) return false;
                    const auto known = core::activationFromName(name.toStdString());
                    if (!known)
                        return r.fail(f, QStringLiteral("unknown activation \"%1\" (expected "
                                                        "sigmoid, tanh, relu or linear)")
                                             .arg(name));
                    a = *known;
                    return true;
                }))
        return false;

    QString biasMode;
    if (!required("bias_mode") || !r.string(root["bias_mode"], "bias_mode", biasMode)) return false;
    const auto mode = core::biasModeFromName(biasMode.toStdString());
    if (!mode)
        return r.fail(
            "bias_mode",
            QStringLiteral("expected \"shared\" or \"per-node\", got \"%1\"").arg(biasMode));
    config.biasMode = *mode;
    if (!required("train_biases") ||
        !r.boolean(root["train_biases"], "train_biases", config.trainBiases))
        return false;
    if (root.contains("learning_rate") &&
        !r.number(root["learning_rate"], "learning_rate", config.learningRate))
        return false;
    long long seed = 1;
    if (root.contains("seed") && !r.integer(root["seed"], "seed", 0, 0x1p53, seed)) return false;
    config.seed = static_cast<std::uint64_t>(seed);

    // [layer][destination][source]
    if (root.contains("weights") &&
        !r.list(root["weights"], "weights", config.weights,
                [&](const QJsonValue& v, const QString& f, std::vector<std::vector<double>>& rows) {
                    return r.list(
                        v, f, rows,
                        [&](const QJsonValue& row, const QString& rf, std::vector<double>& values) {
                            return r.numbers(row, rf, values);
                        });
                }))
        return false;
    // Shared: one number per layer; per node: one list per layer.
    if (root.contains("biases") &&
        !r.list(root["biases"], "biases", config.biases,
                [&](const QJsonValue& v, const QString& f, std::vector<double>& values) {
                    if (config.biasMode == core::BiasMode::PerNode) return r.numbers(v, f, values);
                    values.resize(1);
                    return r.number(v, f, values[0]);
                }))
        return false;

    if (!required("samples") ||
        !r.list(root["samples"], "samples", config.samples,
                [&](const QJsonValue& v, const QString& f, core::Sample& sample) {
                    if (!v.isObject()) return r.expected(f, QStringLiteral("an object"), v);
                    const QJsonObject object = v.toObject();
                    for (auto it = object.begin(); it != object.end(); ++it)
                        if (it.key() != "input" && it.key() != "target")
                            return r.fail(f + "." + it.key(),
                                          QStringLiteral("unknown key (expected input, target)"));
                    if (!object.contains("input")) return r.fail(f + ".input", "missing");
                    if (!object.contains("target")) return r.fail(f + ".target", "missing");
                    return r.numbers(object["input"], f + ".input", sample.input) &&
                           r.numbers(object["target"], f + ".target", sample.target);
                }))
        return false;

    // Sizes, shapes and ranges are the engine's to judge.
    if (const std::string problem = core::validateConfig(config); !problem.empty())
        return r.fail(QString::fromStdString(problem).section(": ", 0, 0),
                      QString::fromStdString(problem).section(": ", 1));
    return true;
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
    Reader reader;
    Session session;
    if (!readSession(reader, document.object(), session)) {
        if (error) *error = reader.error();
        return std::nullopt;
    }
    return session;
}

std::optional<Session> SessionFile::read(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > maxBytes) {
        if (error)
            *error = QStringLiteral("%1 is %2 bytes; a session file may be at most %3 bytes")
                         .arg(path)
                         .arg(file.size())
                         .arg(maxBytes);
        return std::nullopt;
    }
    const QByteArray json = file.read(maxBytes + 1);
    if (json.size() > maxBytes) {
        if (error) *error = QStringLiteral("%1 is larger than %2 bytes").arg(path).arg(maxBytes);
        return std::nullopt;
    }
    QString problem;
    std::optional<Session> session = parse(json, &problem);
    if (!session && error) *error = QFileInfo(path).fileName() + QStringLiteral(": ") + problem;
    return session;
}

bool SessionFile::load(const QString& path, Session& target, QString* error) {
    std::optional<Session> session = read(path, error);
    if (!session) return false;
    target = std::move(*session);
    return true;
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

bool SessionFile::save(const QString& path, const Session& session, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson(session)) < 0 || !file.commit()) {
        if (error) *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
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
}

}  // namespace session
