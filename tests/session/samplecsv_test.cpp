// Samples as CSV: texts written here by hand read as the numbers they spell, every kind of bad
// line refused with the line and column named, and what is written reads back bit for bit.
#include "ui/session/samplecsv.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>
#include <cmath>
#include <cstring>
#include <limits>

#include "../support/directory.h"

namespace {

using session::SampleCsv;
using Samples = std::vector<core::Sample>;

// Samples of 2 inputs and 2 targets, as the worked example has, no value larger than 1e6.
const SampleCsv kTwoByTwo(2, 2, 1e6);

// The worked example's one sample: inputs (0.05, 0.10), targets (0.01, 0.99).
const Samples kWorkedExample = {{{0.05, 0.10}, {0.01, 0.99}}};

Samples parsed(const QByteArray& text) {
    QString error;
    const std::optional<Samples> samples = kTwoByTwo.parse(text, &error);
    EXPECT_TRUE(samples) << error.toStdString() << " in:\n" << text.toStdString();
    return samples.value_or(Samples{});
}

QString refusal(const QByteArray& text, const SampleCsv& csv = kTwoByTwo) {
    QString error;
    EXPECT_FALSE(csv.parse(text, &error)) << text.toStdString();
    return error;
}

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

TEST(SampleCsvTest, ReadsLinesWithAndWithoutAHeader) {
    EXPECT_EQ(parsed("0.05,0.10,0.01,0.99\n"), kWorkedExample);
    EXPECT_EQ(parsed("i1,i2,target o1,target o2\n0.05,0.10,0.01,0.99\n"), kWorkedExample);
    // Any names: the header is counted, not read.
    EXPECT_EQ(parsed("x,y,want a,want b\n0.05,0.1,0.01,0.99"), kWorkedExample);
    EXPECT_EQ(parsed("0,0,0,1\n0,1,1,0\n1,0,1,0\n1,1,0,1\n"),
              (Samples{{{0, 0}, {0, 1}}, {{0, 1}, {1, 0}}, {{1, 0}, {1, 0}}, {{1, 1}, {0, 1}}}));
}

TEST(SampleCsvTest, TakesSemicolonsTabsAndTheDecimalCommaWithThem) {
    EXPECT_EQ(parsed("i1;i2;target o1;target o2\n0.05;0.1;0.01;0.99\n"), kWorkedExample);
    EXPECT_EQ(parsed("0,05;0,1;0,01;0,99\n"), kWorkedExample);
    EXPECT_EQ(parsed("i1\ti2\tt1\tt2\n0.05\t0.1\t0,01\t0.99\n"), kWorkedExample);
}

TEST(SampleCsvTest, TakesWhatSpreadsheetsWrite) {
    // CRLF, a byte order mark, blank lines, spaces, quotes, a plus sign, exponents.
    EXPECT_EQ(parsed("\xEF\xBB\xBF\"i1\",\"i2\",\"t1\",\"t2\"\r\n\r\n 0.05 , \"0.1\",+1e-2,"
                     "9.9e-1\r\n   \r\n"),
              kWorkedExample);
    EXPECT_EQ(parsed("\n\n.05,.1,.01,.99"), kWorkedExample);
    EXPECT_EQ(parsed("-1e6,1e6,-0,3")[0].input, (std::vector<double>{-1e6, 1e6}));
}

TEST(SampleCsvTest, RefusesEveryKindOfBadLineNamingWhere) {
    EXPECT_EQ(refusal("0.05,0.1,0.01,0.99\n0.05,x,0.01,0.99\n"),
              "line 2, column 2: \"x\" is not a number");
    EXPECT_EQ(refusal("i1,i2,t1,t2\n\n0.05,0.1,0.01,abc\n"),
              "line 3, column 4: \"abc\" is not a number");
    EXPECT_EQ(refusal("0.05,0.1,0.01,\n"), "line 1, column 4: \"\" is not a number");
    EXPECT_EQ(refusal("0.05,0.1,0.01,0.5.5\n"), "line 1, column 4: \"0.5.5\" is not a number");
    EXPECT_EQ(refusal("0.05,0.1,0x10,0.5\n"), "line 1, column 3: \"0x10\" is not a number");
    // A decimal comma only where commas do not separate: here it makes a fifth column.
    EXPECT_EQ(refusal("0,05,0.1,0.01,0.99\n"), "line 1: expected 4 columns, got 5");
    EXPECT_EQ(refusal("0.05,0.1,0.01\n"), "line 1: expected 4 columns, got 3");
    EXPECT_EQ(refusal("0.05,0.1,0.01,0.99\n1,2,3,4,5\n"), "line 2: expected 4 columns, got 5");
    EXPECT_EQ(refusal("i1,i2,t1\n0.05,0.1,0.01\n"), "line 1: expected 4 columns, got 3");
    for (const char* infinite : {"inf", "-inf", "nan", "infinity", "1e400", "-1e999"})
        EXPECT_EQ(refusal(QByteArray("1,2,3,") + infinite), "line 1, column 4: not a finite number")
            << infinite;
    EXPECT_EQ(refusal("1,2000000,3,4"),
              "line 1, column 2: out of range: the size must be at most 1e+06");
    // A first line with one number is a line of data with a typo, not a header.
    EXPECT_EQ(refusal("0.05,oops,0.01,0.99\n0.05,0.1,0.01,0.99\n"),
              "line 1, column 2: \"oops\" is not a number");
    // A long field is cut in the message.
    EXPECT_EQ(refusal("1,2,3," + QByteArray(100, 'x')),
              "line 1, column 4: \"" + QString(32, 'x') + "\u2026\" is not a number");
}

TEST(SampleCsvTest, RefusesNoSamplesAndTooMany) {
    EXPECT_EQ(refusal(""), "no samples: no line holds 4 numbers");
    EXPECT_EQ(refusal("\r\n  \n"), "no samples: no line holds 4 numbers");
    EXPECT_EQ(refusal("i1,i2,target o1,target o2\n"), "no samples: no line holds 4 numbers");
    const QByteArray line = "0.5,0.5,0.5,0.5\n";
    EXPECT_EQ(parsed(line.repeated(1024)).size(), 1024u);
    EXPECT_EQ(parsed("a,b,c,d\n" + line.repeated(1024)).size(), 1024u);
    EXPECT_EQ(refusal(line.repeated(1025)), "line 1025: more than 1024 samples");
    EXPECT_EQ(refusal("a,b,c,d\n\n" + line.repeated(1025)), "line 1027: more than 1024 samples");
}

TEST(SampleCsvTest, ReadsOtherShapes) {
    const SampleCsv threeToOne(3, 1);
    QString error;
    EXPECT_EQ(threeToOne.parse("1,2,3,4\n", &error), (Samples{{{1, 2, 3}, {4}}}));
    EXPECT_EQ(refusal("1,2,3,4\n", SampleCsv(2, 1)), "line 1: expected 3 columns, got 4");
    // Without a limit, any finite number.
    EXPECT_EQ(threeToOne.parse("1e300,2,3,4\n", &error)->front().input[0], 1e300);
}

TEST(SampleCsvTest, WritesTheNetworksNamesAndTheShortestExactNumbers) {
    const core::Topology topology({2, 2, 2}, {core::Activation::Sigmoid, core::Activation::Sigmoid},
                                  core::BiasMode::Shared);
    const QStringList names = SampleCsv::columnNames(topology);
    EXPECT_EQ(names, QStringList({"i1", "i2", "target o1", "target o2"}));
    EXPECT_EQ(SampleCsv::toCsv(kWorkedExample, names),
              "i1,i2,target o1,target o2\n0.05,0.1,0.01,0.99\n");
    EXPECT_EQ(SampleCsv::toCsv({{{1.0 / 3, -2.5e-7}, {0, 1e6}}}, names),
              "i1,i2,target o1,target o2\n0.3333333333333333,-2.5e-07,0,1e+06\n");
    const core::Topology wider({3, 4, 1}, {core::Activation::Tanh, core::Activation::Sigmoid},
                               core::BiasMode::PerNode);
    EXPECT_EQ(SampleCsv::columnNames(wider), QStringList({"i1", "i2", "i3", "target o1"}));
}

TEST(SampleCsvTest, WhatItWritesReadsBackBitForBit) {
    const double tiny = std::numeric_limits<double>::denorm_min();
    const Samples samples = {{{0.1, 1.0 / 3}, {2.0 / 3, -0.0}},
                             {{tiny, -tiny}, {1e6, -999999.99999999988}},
                             {{0.1 + 0.2, 1e-300}, {std::nextafter(1.0, 2.0), 123.456}}};
    QString error;
    const std::optional<Samples> back =
        SampleCsv(2, 2).parse(SampleCsv::toCsv(samples, {"a", "b", "c", "d"}), &error);
    ASSERT_TRUE(back) << error.toStdString();
    ASSERT_EQ(back->size(), samples.size());
    for (std::size_t s = 0; s < samples.size(); ++s)
        for (int k = 0; k < 2; ++k) {
            EXPECT_TRUE(sameBits((*back)[s].input[k], samples[s].input[k])) << s << ", " << k;
            EXPECT_TRUE(sameBits((*back)[s].target[k], samples[s].target[k])) << s << ", " << k;
        }
}

TEST(SampleCsvTest, FilesAreReadWithinTheLimitAndSavedWhole) {
    QTemporaryDir directory;
    ASSERT_TRUE(directory.isValid());
    const QByteArray path = QFile::encodeName(directory.filePath("data.csv"));
    QString error;
    ASSERT_TRUE(SampleCsv::save(path, kWorkedExample, {"i1", "i2", "t1", "t2"}, &error))
        << error.toStdString();
    EXPECT_EQ(kTwoByTwo.read(path, &error), kWorkedExample);
    // An error names the file.
    QFile bad(directory.filePath("bad.csv"));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write("1,2,3\n");
    bad.close();
    EXPECT_FALSE(kTwoByTwo.read(QFile::encodeName(bad.fileName()), &error));
    EXPECT_EQ(error, "bad.csv: line 1: expected 4 columns, got 3");
    // A file larger than the limit is refused unread.
    QFile large(directory.filePath("large.csv"));
    ASSERT_TRUE(large.open(QIODevice::WriteOnly));
    ASSERT_TRUE(large.resize(SampleCsv::maxBytes + 1));
    large.close();
    EXPECT_FALSE(kTwoByTwo.read(QFile::encodeName(large.fileName()), &error));
    EXPECT_TRUE(error.contains("more than the limit of 8388608 bytes")) << error.toStdString();
    // A save that cannot be made leaves nothing behind.
    EXPECT_FALSE(SampleCsv::save(QFile::encodeName(directory.filePath("missing/data.csv")),
                                 kWorkedExample, {"a", "b", "c", "d"}, &error));
    EXPECT_TRUE(error.startsWith("cannot save")) << error.toStdString();
    EXPECT_EQ(testing_support::namesIn(QFile::encodeName(directory.path())),
              (std::vector<QByteArray>{"bad.csv", "data.csv", "large.csv"}));
}

}  // namespace
