#include "clilandscape.h"

#include <QStringList>
#include <cmath>
#include <vector>

#include "core/losslandscape.h"
#include "core/numbertext.h"
#include "core/trainer.h"

namespace {

constexpr std::size_t kPieceBytes = 64 * 1024;

// The flat index (weights, then biases) of the parameter called `name`, or -1.
int parameterIndex(const core::Topology& topology, const QString& name) {
    const std::string wanted = name.toStdString();
    for (int w = 0; w < topology.weightCount(); ++w)
        if (topology.weightName(w) == wanted) return w;
    for (int b = 0; b < topology.biasCount(); ++b)
        if (topology.biasName(b) == wanted) return topology.weightCount() + b;
    return -1;
}

// The names a network has, for messages: "w1 to w8, b1 to b2".
QString parameterRange(const core::Topology& topology) {
    return QString::fromStdString(
        topology.weightName(0) + " to " + topology.weightName(topology.weightCount() - 1) + ", " +
        topology.biasName(0) + " to " + topology.biasName(topology.biasCount() - 1));
}

// --landscape P1,P2: two different names of the network's parameters.
bool readParameters(const QString& text, const core::Topology& topology, LandscapeOptions& options,
                    QString* error) {
    const QStringList names = text.split(',');
    if (names.size() != 2 || names[0].isEmpty() || names[1].isEmpty()) {
        *error = QStringLiteral(
                     "--landscape: expected two parameter names joined by a comma, such as "
                     "w5,b2, got \"%1\"")
                     .arg(text);
        return false;
    }
    if (names[0] == names[1]) {
        *error =
            QStringLiteral("--landscape: \"%1\" is named twice; name two parameters").arg(names[0]);
        return false;
    }
    int indices[2];
    for (int n = 0; n < 2; ++n) {
        indices[n] = parameterIndex(topology, names[n]);
        if (indices[n] < 0) {
            *error = QStringLiteral("--landscape: unknown parameter \"%1\" (this network has %2)")
                         .arg(names[n], parameterRange(topology));
            return false;
        }
    }
    options.firstName = names[0].toStdString();
    options.secondName = names[1].toStdString();
    options.first = indices[0];
    options.second = indices[1];
    return true;
}

bool readSpan(const QString& text, LandscapeOptions& options, QString* error) {
    bool ok = false;
    const double span = text.toDouble(&ok);
    if (!ok || !std::isfinite(span) || span <= 0.0 || span > LandscapeOptions::maxSpan) {
        *error = QStringLiteral("--span: expected a number above 0 and at most 1e6, got \"%1\"")
                     .arg(text);
        return false;
    }
    options.span = span;
    return true;
}

bool readGrid(const QString& text, LandscapeOptions& options, QString* error) {
    bool ok = false;
    const int grid = text.toInt(&ok);
    if (!ok || grid < LandscapeOptions::minGrid || grid > LandscapeOptions::maxGrid) {
        *error = QStringLiteral("--grid: expected a whole number from %1 to %2, got \"%3\"")
                     .arg(LandscapeOptions::minGrid)
                     .arg(LandscapeOptions::maxGrid)
                     .arg(text);
        return false;
    }
    options.grid = grid;
    return true;
}

}  // namespace

std::optional<LandscapeOptions> readLandscapeOptions(const std::optional<QString>& parameters,
                                                     const std::optional<QString>& span,
                                                     const std::optional<QString>& grid,
                                                     const core::Topology& topology,
                                                     QString* error) {
    error->clear();
    if (!parameters) {
        if (span || grid)
            *error = QStringLiteral("--%1 goes only with --landscape").arg(span ? "span" : "grid");
        return std::nullopt;
    }
    LandscapeOptions options;
    if (!readParameters(*parameters, topology, options, error)) return std::nullopt;
    if (span && !readSpan(*span, options, error)) return std::nullopt;
    if (grid && !readGrid(*grid, options, error)) return std::nullopt;
    return options;
}

void writeLandscapeCsv(const core::Trainer& trainer, const LandscapeOptions& options,
                       const std::function<void(const std::string&)>& write) {
    constexpr int digits = core::DigitsRange::max;
    core::LossLandscape landscape(
        trainer.topology(), trainer.samples(),
        core::LandscapePlane::alongParameters(trainer.parameters(), options.first, options.second),
        {options.grid, options.span, options.span});
    // The two parameters' values along the grid, exactly those the losses were computed at.
    const int size = options.grid;
    std::vector<double> firstValues(size), secondValues(size);
    core::Parameters point;
    for (int i = 0; i < size; ++i) {
        landscape.plane().pointAt(landscape.grid().first(i), 0.0, point);
        firstValues[i] = core::flatParameter(point, options.first);
        landscape.plane().pointAt(0.0, landscape.grid().second(i), point);
        secondValues[i] = core::flatParameter(point, options.second);
    }

    std::string text = options.firstName + "," + options.secondName + ",loss\n";
    char number[core::kMaxNumberLength];
    const auto append = [&](double value, char end) {
        text.append(number, core::writeNumber(number, value, digits));
        text += end;
    };
    // A row of the grid at a time: computed, then written out.
    for (int i = 0; i < size; ++i) {
        landscape.computeRows(1);
        for (int j = 0; j < size; ++j) {
            append(firstValues[i], ',');
            append(secondValues[j], ',');
            append(landscape.value(i, j), '\n');
        }
        if (text.size() >= kPieceBytes) {
            write(text);
            text.clear();
        }
    }
    write(text);
}
