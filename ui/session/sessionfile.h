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
// nothing is half-applied. Writing replaces the file whole or not at all (see LocalFile). Files
// are named by bytes (QFile::encodeName of a name from Qt): a name need not be valid UTF-8.
class SessionFile {
public:
    static constexpr const char* formatName = "backprop-lab-session";
    static constexpr int version = 1;
    // A larger file is refused unread. The largest session is 4,221,253 bytes when written:
    // 8 layers of 64 nodes with per-node biases and 1024 samples (160,192 numbers, each at most
    // 24 characters as in -1.2345678901234567e-300, with ", " between them) and a description
    // of maxDescriptionLength control characters (6 bytes each, "\u0001"). The limit is about
    // twice that, so every session that reads back can be written and read again.
    // SessionFileTest.LargestSessionRoundTrips writes exactly that session and reads it back.
    static constexpr qint64 maxBytes = 8 << 20;
    // Characters (UTF-16 units) of a description; bounds what a description adds to a file.
    static constexpr int maxDescriptionLength = 4096;
    // The extension session files are saved with (their MIME type's glob, see packaging/);
    // any .json file opens.
    static constexpr const char* extension = ".bplab.json";

    // `path` as Save writes it: with the session extension added unless it ends in .json.
    static QString withExtension(const QString& path);
    // The name a session file shows in the window: its file name without the extension.
    static QString displayName(const QString& path);

    // The session in `json`, or nothing with `error` set ("weights[1][0]: expected ...").
    static std::optional<Session> parse(const QByteArray& json, QString* error);
    // The session stored in the regular file `path`, or nothing with `error` set.
    static std::optional<Session> read(const QByteArray& path, QString* error);
    // The session at a name from Qt: a resource (":/presets/mazur.json") or a file name.
    static std::optional<Session> read(const QString& path, QString* error);
    // Replaces `target` with the session at `path` when all of it is valid; otherwise leaves
    // `target` as it was and returns false with `error` set.
    static bool load(const QByteArray& path, Session& target, QString* error);

    // The session as JSON text, keys in the documented order, numbers at 17 significant digits.
    static QByteArray toJson(const Session& session);
    // Replaces the file `path` with the session, or leaves it byte for byte and returns false
    // with `error` set ("cannot save NAME: No space left on device").
    static bool save(const QByteArray& path, const Session& session, QString* error);
};

// Writes the keys both session files and the CLI's JSON begin with: layers, activations,
// bias_mode, train_biases, learning_rate, and momentum unless it is 0.
void writeNetworkKeys(JsonWriter& json, const core::NetworkConfig& config);

}  // namespace session
