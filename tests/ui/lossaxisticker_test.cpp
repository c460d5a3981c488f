#include "ui/lossaxisticker.h"

#include <gtest/gtest.h>

#include <QSet>
#include <cmath>
#include <random>

namespace {

using Scale = ui::LossAxisTicker::Scale;

struct Ticks {
    QVector<double> ticks;
    QVector<double> subTicks;
    QVector<QString> labels;
};

// The ticks of `range` in the locale of a QCustomPlot, with the loss plot's number formats:
// "eb" precision 0 on a log axis, "g" precision 6 on a linear one.
Ticks generate(Scale scale, QCPRange range) {
    static const QLocale locale = QCustomPlot().locale();
    ui::LossAxisTicker ticker(scale);
    const bool log = scale == Scale::Logarithmic;
    Ticks result;
    ticker.generate(range, locale, QLatin1Char(log ? 'e' : 'g'), log ? 0 : 6, result.ticks,
                    &result.subTicks, &result.labels);
    return result;
}

// Checks that the labels are all different and each reads back as its tick, to within a tenth
// of the gap between neighbouring ticks.
void expectFaithfulLabels(const Ticks& ticks, QCPRange range) {
    SCOPED_TRACE(testing::Message() << "range [" << range.lower << ", " << range.upper << "]");
    ASSERT_EQ(ticks.labels.size(), ticks.ticks.size());
    ASSERT_GE(ticks.ticks.size(), 2);
    const QStringList labels(ticks.labels.begin(), ticks.labels.end());
    EXPECT_EQ(QSet<QString>(labels.begin(), labels.end()).size(), labels.size())
        << labels.join(' ').toStdString();
    const QLocale locale = QCustomPlot().locale();
    for (qsizetype i = 0; i < ticks.ticks.size(); ++i) {
        const double gap = ticks.ticks[i > 0 ? i : 1] - ticks.ticks[i > 0 ? i - 1 : 0];
        EXPECT_NEAR(locale.toDouble(labels[i]), ticks.ticks[i], 0.1 * gap)
            << labels[i].toStdString();
        EXPECT_TRUE(range.contains(ticks.ticks[i]));
    }
}

TEST(LossAxisTickerTest, WithinADecadeGivesSeveralDistinctEvenTicks) {
    const Ticks ticks = generate(Scale::Logarithmic, QCPRange(0.35, 0.5));
    expectFaithfulLabels(ticks, QCPRange(0.35, 0.5));
    EXPECT_GE(ticks.ticks.size(), 3);
    EXPECT_TRUE(ticks.labels.contains("0.4"));
    EXPECT_TRUE(ticks.labels.contains("0.45"));
}

TEST(LossAxisTickerTest, AroundOneLabelsDoNotRepeat) {
    const Ticks ticks = generate(Scale::Logarithmic, QCPRange(0.9, 1.3));
    expectFaithfulLabels(ticks, QCPRange(0.9, 1.3));
    EXPECT_TRUE(ticks.labels.contains("1"));
    EXPECT_TRUE(ticks.labels.contains("1.1"));
}

TEST(LossAxisTickerTest, AcrossDecadesTicksArePowersOfTen) {
    const Ticks ticks = generate(Scale::Logarithmic, QCPRange(1e-3, 20));
    EXPECT_EQ(ticks.ticks, (QVector<double>{1e-3, 1e-2, 1e-1, 1, 10}));
    EXPECT_EQ(ticks.labels, (QVector<QString>{"1e-03", "1e-02", "1e-01", "1e+00", "1e+01"}));
    EXPECT_TRUE(ticks.subTicks.contains(2e-3));
    EXPECT_TRUE(ticks.subTicks.contains(20));
}

TEST(LossAxisTickerTest, ManyDecadesSkipSomePowersAndSubTickThem) {
    const Ticks ticks = generate(Scale::Logarithmic, QCPRange(1e-12, 1e12));
    expectFaithfulLabels(ticks, QCPRange(1e-12, 1e12));
    EXPECT_GE(ticks.ticks.size(), 3);
    EXPECT_LE(ticks.ticks.size(), 7);
    for (double tick : ticks.ticks)
        EXPECT_EQ(std::pow(10.0, std::round(std::log10(tick))), tick);
    const double step = std::round(std::log10(ticks.ticks[1] / ticks.ticks[0]));
    EXPECT_GT(step, 1);
    EXPECT_TRUE(ticks.subTicks.contains(ticks.ticks[0] * 10));
}

TEST(LossAxisTickerTest, LinearScaleKeepsEvenTicksAndMoreDigitsWhereNeeded) {
    const Ticks ticks = generate(Scale::Linear, QCPRange(1e12, 1e12 + 10));
    expectFaithfulLabels(ticks, QCPRange(1e12, 1e12 + 10));
    EXPECT_TRUE(ticks.labels.contains("1000000000002"));
    EXPECT_EQ(generate(Scale::Linear, QCPRange(0, 1e-3)).labels.front(), "0");
}

TEST(LossAxisTickerTest, LabelsAreUniqueForRandomRanges) {
    std::mt19937 random(20240601);
    std::uniform_real_distribution<double> exponent(-12, 12), narrowness(-6, 0);
    for (int trial = 0; trial < 2000; ++trial) {
        double low = std::pow(10.0, exponent(random)), high = std::pow(10.0, exponent(random));
        if (low > high) std::swap(low, high);
        if (trial % 2 == 1) high = std::min(1e12, low * (1 + std::pow(10.0, narrowness(random))));
        const QCPRange range(low, high);
        expectFaithfulLabels(generate(Scale::Logarithmic, range), range);
        expectFaithfulLabels(generate(Scale::Linear, range), range);
        if (trial % 4 == 0) {
            const QCPRange straddling(-high, low);
            expectFaithfulLabels(generate(Scale::Linear, straddling), straddling);
        }
        if (HasFailure()) return;
    }
}

TEST(LossAxisTickerTest, LogAxisWithEbFormatShowsDistinctLabels) {
    QCustomPlot plot;
    plot.setViewport(QRect(0, 0, 400, 300));
    plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot.yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new ui::LossAxisTicker));
    plot.yAxis->setNumberFormat("eb");
    plot.yAxis->setNumberPrecision(0);
    for (const QCPRange range : {QCPRange(0.35, 0.5), QCPRange(0.9, 1.3), QCPRange(1e-4, 2)}) {
        plot.yAxis->setRange(range);
        plot.replot();
        const QVector<QString> labels = plot.yAxis->tickVectorLabels();
        EXPECT_GE(labels.size(), 3);
        EXPECT_EQ(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
    }
}

}  // namespace
