#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

#include "core/networkconfig.h"

namespace session {

class JsonWriter;

// A session as stored on disk: everything a run needs, and a line describing it.
struct Session {
    core::NetworkConfig config;
    QString description;  // optional "description" key; presets use it

    bool operator==(const Session&) const = default;
};

// Reads and writes session files: JSON with "format": "backprop-lab-session" and "version": 1.
// Reading validates every field and yields a complete session or an error naming the field;
// nothing is half-applied. Writing is atomic (a temporary file renamed over the target).
class SessionFile {
public:
    static constexpr const char* formatName = "backprop-lab-session";
    static constexpr int version = 1;
    static constexpr qint64 maxBytes = 1 << 20;  // a larger file is refused unread

    // The session in `json`, or nothing with `error` set ("weights[1][0]: expected ...").
    static std::optional<Session> parse(const QByteArray& json, QString* error);
    // The session stored at `path`, or nothing with `error` set.
    static std::optional<Session> read(const QString& path, QString* error);
    // Replaces `target` with the session at `path` when all of it is valid; otherwise leaves
    // `target` as it was and returns false with `error` set.
    static bool load(const QString& path, Session& target, QString* error);

    // The session as JSON text, keys in the documented order, numbers at 17 significant digits.
    static QByteArray toJson(const Session& session);
    // Writes the session atomically; false with `error` set when the file cannot be written.
    static bool save(const QString& path, const Session& session, QString* error);
};

// Writes the keys both session files and the CLI's JSON begin with: layers, activations,
// bias_mode, train_biases and learning_rate.
void writeNetworkKeys(JsonWriter& json, const core::NetworkConfig& config);

}  // namespace session
