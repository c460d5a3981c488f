// libFuzzer target: the CLI's option parser, parseCliOptions, on arbitrary argument lists. The
// input is split at each '\n' into the arguments after the program name, as the bytes of argv. A
// refused list must name its error; an accepted one must be in range and, for a run, hold a
// session the engine takes. Parsing prints nothing and writes nothing (--save only records the
// path; --help only returns its text). --config reads a file: so that the fuzzer cannot read
// arbitrary files, an input with a '/' is skipped and the working directory is a copy of
// corpus/fuzz_session made at configure time (FUZZ_CONFIG_DIR), so --config can name only those
// sessions. Hence give corpus directories and -artifact_prefix as absolute paths (scripts/fuzz.sh
// does). Run it with scripts/fuzz.sh (the fuzz preset); seeds are in corpus/fuzz_cli_options.
#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QList>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "app/clioptions.h"
#include "core/markup.h"
#include "core/networkconfig.h"
#include "fuzzcheck.h"

using fuzz::require;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // The parser's help text asks the application for its name. Qt keeps argc by reference, and
    // the application lives until the process ends (reachable, so not a leak).
    static int argc = 1;
    static char name[] = "backprop-lab-cli";
    static char* argv[] = {name, nullptr};
    new QCoreApplication(argc, argv);
    require(QDir::setCurrent(QStringLiteral(FUZZ_CONFIG_DIR)),
            "the session files for --config exist (configure the fuzz preset again)");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    // A real command line has no NUL; a '/' could name any file for --config to read.
    if (input.contains('\0') || input.contains('/')) return 0;
    // The bytes of argv, as the program passes them.
    QList<QByteArray> arguments{QByteArrayLiteral("backprop-lab-cli")};
    arguments.append(input.split('\n'));

    QString error;
    const std::optional<CliOptions> options = parseCliOptions(arguments, &error);
    if (!options) {
        require(!error.isEmpty(), "refused arguments name their error");
        return 0;
    }
    switch (options->action) {
        case CliOptions::Action::Help:
            require(!options->helpText.isEmpty(), "--help has a text");
            break;
        case CliOptions::Action::Run:
            require(core::validateConfig(options->session.config).empty(),
                    "accepted options give a session the engine takes");
            require(options->steps >= 0, "--steps is not negative");
            require(options->digits >= core::DigitsRange::min &&
                        options->digits <= core::DigitsRange::max,
                    "--digits is in range");
            require(!options->explain || options->format == CliOptions::Format::Table,
                    "--explain goes only with the table");
            if (options->landscape) {
                const core::Topology topology = core::topologyOf(options->session.config);
                const int parameters = topology.weightCount() + topology.biasCount();
                require(options->landscape->grid >= 2 && options->landscape->grid <= 401,
                        "--grid is in range");
                require(options->landscape->span > 0.0 && options->landscape->span <= 1e6,
                        "--span is in range");
                require(options->landscape->first != options->landscape->second &&
                            options->landscape->first >= 0 && options->landscape->second >= 0 &&
                            options->landscape->first < parameters &&
                            options->landscape->second < parameters,
                        "--landscape names two different parameters of the network");
                require(options->format == CliOptions::Format::Table && !options->explain &&
                            !options->curvature,
                        "--landscape goes with neither --format json or csv nor --explain");
            }
            require(!options->curvature ||
                        (options->format != CliOptions::Format::Csv && !options->explain),
                    "--curvature goes only with the table or json");
            break;
        case CliOptions::Action::Version:
        case CliOptions::Action::ListPresets:
            break;
    }
    return 0;
}
