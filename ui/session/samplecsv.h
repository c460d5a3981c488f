#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <limits>
#include <optional>
#include <vector>

#include "core/networkconfig.h"
#include "core/topology.h"
#include "sessionfile.h"

namespace session {

// Training samples as CSV text: one line a sample, its inputs then its targets.
//
// Reading takes what spreadsheets write: fields separated by commas, semicolons or tabs (the
// first line that is not blank says which), a pair of double quotes around a field, CRLF line
// ends, a UTF-8 byte order mark, blank lines anywhere. With semicolons or tabs a decimal comma
// reads as a point ("0,05"). The first line is a header when none of its fields is a number; its
// names are not read, only counted. Every other line must hold exactly the expected numbers,
// each finite and no larger in size than the limit. An error names the line and the column
// ("line 3, column 2: \"x\" is not a number", "line 4: expected 4 columns, got 3"); reading
// yields all the samples or none.
//
// Writing gives a header of the network's names ("i1,i2,target o1,target o2"), then each sample
// with commas and LF line ends, every number in the shortest text that reads back as the same
// double. A file is read and replaced through LocalFile: never half written.
class SampleCsv {
public:
    // A larger file is refused unread: the session file's limit, which 1024 samples of the
    // widest network (64 inputs and 64 targets, 24 characters a number) stay far below.
    static constexpr qint64 maxBytes = SessionFile::maxBytes;

    // Reads samples of `inputs` inputs and `targets` targets, no value larger in size than
    // `maxMagnitude`.
    SampleCsv(int inputs, int targets, double maxMagnitude = std::numeric_limits<double>::max());

    // The samples in `text`, 1 to ConfigLimits::maxSamples of them, or nothing with `error` set.
    std::optional<std::vector<core::Sample>> parse(const QByteArray& text, QString* error) const;
    // The samples in the regular file `path` (at most maxBytes), or nothing with `error` set.
    std::optional<std::vector<core::Sample>> read(const QByteArray& path, QString* error) const;

    // The names of the columns as the network names its nodes: "i1", "i2", "target o1", ..
    static QStringList columnNames(const core::Topology& topology);
    // `samples` as CSV text under the header `names`.
    static QByteArray toCsv(const std::vector<core::Sample>& samples, const QStringList& names);
    // Replaces the file `path` with toCsv(samples, names), or leaves it byte for byte and returns
    // false with `error` set.
    static bool save(const QByteArray& path, const std::vector<core::Sample>& samples,
                     const QStringList& names, QString* error);

private:
    // The numbers of a line's fields, or nothing with `error` naming the line and column.
    std::optional<std::vector<double>> readRow(const QStringList& fields, char separator, int line,
                                               QString* error) const;

    int inputs_;
    int targets_;
    double maxMagnitude_;
};

}  // namespace session
