#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "clilandscape.h"
#include "core/handout.h"
#include "core/markup.h"
#include "ui/session/sessionfile.h"

// What the command line asked for, checked and applied to a session.
struct CliOptions {
    enum class Format { Table, Json, Csv };
    enum class Action { Run, ListPresets, Help, Version };

    Action action = Action::Run;                   // what the program is to do
    QString presetName = QStringLiteral("mazur");  // empty when the session came from --config
    QString configPath;                            // --config FILE, as messages show it
    session::Session session;                      // the session to run, overrides applied
    long long steps = 1;                           // updates to make (0 allowed)
    Format format = Format::Table;                 // --format: how the run is written
    bool explain = false;                          // write out every term of the last step
    // --format markdown, latex or html: the explanation as a handout in that format.
    std::optional<core::HandoutFormat> handout;
    bool curvature = false;                         // --curvature: the Hessian at start and end
    int digits = core::DigitsRange::workedExample;  // significant digits of table and explanation
    QByteArray savePath;  // --save FILE: the trained state as a session file; empty: none
    QString helpText;     // for Action::Help
    // --landscape: the loss around the trained state as CSV, written instead of the report.
    std::optional<LandscapeOptions> landscape;
};

// Parses `arguments` (the program name first), the bytes of argv: file names pass through byte
// for byte. Returns nothing with a one-line `error` when an argument is unknown, malformed or
// out of range, or names a preset or file that does not load.
std::optional<CliOptions> parseCliOptions(const QList<QByteArray>& arguments, QString* error);
// The same for arguments given as text, each encoded as QFile::encodeName does.
std::optional<CliOptions> parseCliOptions(const QStringList& arguments, QString* error);
