// libFuzzer target: the session reader, session::SessionFile::parse, on arbitrary bytes.
// A refused input must name its error. An accepted session must be valid for the engine, build a
// core::Trainer, and come back unchanged when written with SessionFile::toJson and read again.
// Run it with scripts/fuzz.sh (the fuzz preset); seeds are in corpus/fuzz_session.
#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/networkconfig.h"
#include "core/trainer.h"
#include "fuzzcheck.h"
#include "ui/session/sessionfile.h"

using fuzz::require;
using session::Session;
using session::SessionFile;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // An owning copy, as SessionFile::read passes what it read from the file.
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QString error;
    const std::optional<Session> session = SessionFile::parse(json, &error);
    if (!session) {
        require(!error.isEmpty(), "a refused session names its error");
        return 0;
    }
    require(core::validateConfig(session->config).empty(),
            "an accepted session is valid for the engine");

    // Written and read again, the session is the same, and writing it again gives the same text.
    const QByteArray written = SessionFile::toJson(*session);
    QString rereadError;
    const std::optional<Session> reread = SessionFile::parse(written, &rereadError);
    require(reread.has_value(), "SessionFile::toJson writes a session that parse accepts");
    require(*reread == *session, "a session survives toJson and parse unchanged");
    require(SessionFile::toJson(*reread) == written, "toJson of the reread session is the same");

    // The engine takes it: validated, the parameters drawn and placed (throws when invalid).
    const core::Trainer trainer(session->config);
    require(trainer.iteration() == 0, "a new trainer starts at iteration 0");
    return 0;
}
