#include "samplecsv.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

#include "localfile.h"

namespace session {

namespace {

constexpr int kMaxQuotedField = 32;  // characters of a bad field a message repeats

// The separator of a file, from its first line that is not blank: a tab or a semicolon where
// the line has one (spreadsheets in locales with a decimal comma write these), else a comma.
char separatorOf(QStringView line) {
    if (line.contains(QLatin1Char('\t'))) return '\t';
    if (line.contains(QLatin1Char(';'))) return ';';
    return ',';
}

// The fields of `line`, each without the spaces and the pair of double quotes around it.
QStringList fieldsOf(QStringView line, char separator) {
    QStringList fields;
    for (QStringView field : line.split(QLatin1Char(separator))) {
        field = field.trimmed();
        if (field.size() >= 2 && field.startsWith(QLatin1Char('"')) &&
            field.endsWith(QLatin1Char('"')))
            fields.append(field.sliced(1, field.size() - 2).toString().replace("\"\"", "\""));
        else
            fields.append(field.toString());
    }
    return fields;
}

// The double `field` spells, whole: "0.5", "-1e-3", "+2", ".5"; with a decimal comma when the
// separator is not a comma. Out-of-range spellings ("1e400") come back as infinity.
std::optional<double> numberIn(QString field, char separator) {
    if (separator != ',' && !field.contains(QLatin1Char('.')))
        field.replace(QLatin1Char(','), QLatin1Char('.'));
    if (field.startsWith(QLatin1Char('+'))) field.remove(0, 1);
    const std::string text = field.toStdString();
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [stop, problem] = std::from_chars(text.data(), end, value);
    if (stop != end || text.empty()) return std::nullopt;
    if (problem == std::errc::result_out_of_range) return HUGE_VAL;
    if (problem != std::errc()) return std::nullopt;
    return value;
}

QString quoted(const QString& field) {
    if (field.size() <= kMaxQuotedField) return QStringLiteral("\"%1\"").arg(field);
    return QStringLiteral("\"%1\u2026\"").arg(field.left(kMaxQuotedField));
}

bool fail(QString* error, const QString& problem) {
    if (error) *error = problem;
    return false;
}

}  // namespace

SampleCsv::SampleCsv(int inputs, int targets, double maxMagnitude)
    : inputs_(inputs), targets_(targets), maxMagnitude_(maxMagnitude) {}

std::optional<std::vector<double>> SampleCsv::readRow(const QStringList& fields, char separator,
                                                      int line, QString* error) const {
    std::vector<double> values;
    for (int column = 0; column < fields.size(); ++column) {
        const QString at = QStringLiteral("line %1, column %2: ").arg(line).arg(column + 1);
        const std::optional<double> value = numberIn(fields[column], separator);
        if (!value) {
            fail(error, at + QStringLiteral("%1 is not a number").arg(quoted(fields[column])));
            return std::nullopt;
        }
        if (!std::isfinite(*value)) {
            fail(error, at + QStringLiteral("not a finite number"));
            return std::nullopt;
        }
        if (std::abs(*value) > maxMagnitude_) {
            fail(error, at + QStringLiteral("out of range: the size must be at most %1")
                                 .arg(maxMagnitude_, 0, 'g'));
            return std::nullopt;
        }
        values.push_back(*value);
    }
    return values;
}

std::optional<std::vector<core::Sample>> SampleCsv::parse(const QByteArray& bytes,
                                                          QString* error) const {
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF))) text.remove(0, 1);  // the byte order mark
    std::vector<core::Sample> samples;
    char separator = 0;  // set by the first line that is not blank
    const QList<QStringView> lines = QStringView(text).split(QLatin1Char('\n'));
    for (int index = 0; index < lines.size(); ++index) {
        QStringView line = lines[index];
        if (line.endsWith(QLatin1Char('\r'))) line.chop(1);
        if (line.trimmed().isEmpty()) continue;
        const int number = index + 1;
        const bool first = separator == 0;
        if (first) separator = separatorOf(line);
        const QStringList fields = fieldsOf(line, separator);
        // A first line of names only is the header: counted, not read.
        const bool header = first && std::none_of(fields.begin(), fields.end(), [&](auto& field) {
                                return numberIn(field, separator).has_value();
                            });
        if (fields.size() != inputs_ + targets_) {
            fail(error, QStringLiteral("line %1: expected %2 columns, got %3")
                            .arg(number)
                            .arg(inputs_ + targets_)
                            .arg(fields.size()));
            return std::nullopt;
        }
        if (header) continue;
        if (samples.size() == std::size_t(core::ConfigLimits::maxSamples)) {
            fail(error, QStringLiteral("line %1: more than %2 samples")
                            .arg(number)
                            .arg(core::ConfigLimits::maxSamples));
            return std::nullopt;
        }
        const std::optional<std::vector<double>> row = readRow(fields, separator, number, error);
        if (!row) return std::nullopt;
        samples.push_back(
            {{row->begin(), row->begin() + inputs_}, {row->begin() + inputs_, row->end()}});
    }
    if (samples.empty()) {
        fail(error, QStringLiteral("no samples: no line holds %1 numbers").arg(inputs_ + targets_));
        return std::nullopt;
    }
    return samples;
}

std::optional<std::vector<core::Sample>> SampleCsv::read(const QByteArray& path,
                                                         QString* error) const {
    QByteArray bytes;
    if (!LocalFile::read(path, maxBytes, &bytes, error)) return std::nullopt;
    QString problem;
    std::optional<std::vector<core::Sample>> samples = parse(bytes, &problem);
    if (!samples && error) {
        const QString name = LocalFile::displayName(path);
        *error =
            name.sliced(name.lastIndexOf(QLatin1Char('/')) + 1) + QStringLiteral(": ") + problem;
    }
    return samples;
}

QStringList SampleCsv::columnNames(const core::Topology& topology) {
    QStringList names;
    for (int node = 0; node < topology.inputCount(); ++node)
        names.append(QString::fromStdString(topology.nodeName(0, node)));
    const int last = topology.layerCount() - 1;
    for (int node = 0; node < topology.outputCount(); ++node)
        names.append(QStringLiteral("target ") +
                     QString::fromStdString(topology.nodeName(last, node)));
    return names;
}

QByteArray SampleCsv::toCsv(const std::vector<core::Sample>& samples, const QStringList& names) {
    std::string out = names.join(QLatin1Char(',')).toStdString() + '\n';
    char buffer[32];
    for (const core::Sample& sample : samples) {
        bool first = true;
        for (const std::vector<double>* values : {&sample.input, &sample.target})
            for (double value : *values) {
                if (!std::exchange(first, false)) out += ',';
                // Without a precision, to_chars writes the shortest text that reads back exactly.
                out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
            }
        out += '\n';
    }
    return QByteArray::fromStdString(out);
}

bool SampleCsv::save(const QByteArray& path, const std::vector<core::Sample>& samples,
                     const QStringList& names, QString* error) {
    return LocalFile::replace(path, toCsv(samples, names), error);
}

}  // namespace session
