#include "lossaxisticker.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr int kSubTicksPerDecade = 8;  // 2, 3, .. 9 times a power of ten
constexpr int kMostDigits = 17;        // significant digits that tell any two doubles apart
// How close a label must read back to its tick, as a fraction of the gap to its neighbour.
constexpr double kLabelTolerance = 0.01;

// The distance from tick `i` to its nearest neighbour; its own size (or 1 at zero) if alone.
double neighbourGap(const QVector<double>& ticks, qsizetype i) {
    double gap = std::abs(ticks[i]) > 0 ? std::abs(ticks[i]) : 1.0;
    if (i > 0) gap = std::abs(ticks[i] - ticks[i - 1]);
    if (i + 1 < ticks.size()) gap = std::min(gap, std::abs(ticks[i + 1] - ticks[i]));
    return gap;
}

// Whether every label differs from the one before and reads back as its own tick.
bool labelsFaithful(const QVector<QString>& labels, const QVector<double>& ticks,
                    const QLocale& locale) {
    for (qsizetype i = 0; i < ticks.size(); ++i) {
        if (i > 0 && labels[i] == labels[i - 1]) return false;
        bool ok = false;
        const double value = locale.toDouble(labels[i], &ok);
        if (!ok || std::abs(value - ticks[i]) > kLabelTolerance * neighbourGap(ticks, i))
            return false;
    }
    return true;
}

}  // namespace

LossAxisTicker::LossAxisTicker(Scale scale) : scale_(scale) {}

int LossAxisTicker::powerOfTenStep(const QCPRange& range) const {
    if (scale_ != Scale::Logarithmic || !(range.lower > 0) || !(range.upper > range.lower))
        return 0;
    const double lowExponent = std::log10(range.lower);
    const double highExponent = std::log10(range.upper);
    // Fewer than two powers of ten in view: evenly spaced ticks say more.
    if (std::floor(highExponent) - std::ceil(lowExponent) < 1) return 0;
    return std::max(1, int(std::ceil((highExponent - lowExponent) / tickCount())));
}

void LossAxisTicker::generate(const QCPRange& range, const QLocale& locale, QChar formatChar,
                              int precision, QVector<double>& ticks, QVector<double>* subTicks,
                              QVector<QString>* tickLabels) {
    exponentStep_ = powerOfTenStep(range);
    QCPAxisTicker::generate(range, locale, formatChar, precision, ticks, subTicks, tickLabels);
}

QVector<double> LossAxisTicker::createTickVector(double tickStep, const QCPRange& range) {
    if (exponentStep_ == 0) return QCPAxisTicker::createTickVector(tickStep, range);
    // Every exponentStep_-th power of ten, from one below the range to one above it.
    const int first = int(std::floor(std::log10(range.lower) / exponentStep_)) * exponentStep_;
    const int last = int(std::ceil(std::log10(range.upper) / exponentStep_)) * exponentStep_;
    QVector<double> ticks;
    for (int exponent = first; exponent <= last; exponent += exponentStep_)
        ticks.append(std::pow(10.0, exponent));
    return ticks;
}

int LossAxisTicker::getSubTickCount(double tickStep) {
    if (exponentStep_ == 0) return QCPAxisTicker::getSubTickCount(tickStep);
    return exponentStep_ == 1 ? kSubTicksPerDecade : exponentStep_ - 1;
}

QVector<double> LossAxisTicker::createSubTickVector(int subTickCount,
                                                    const QVector<double>& ticks) {
    if (exponentStep_ <= 1) return QCPAxisTicker::createSubTickVector(subTickCount, ticks);
    // Ticks several decades apart: the powers of ten skipped between them.
    QVector<double> subTicks;
    for (qsizetype i = 0; i + 1 < ticks.size(); ++i)
        for (int decade = 1; decade <= subTickCount; ++decade)
            subTicks.append(ticks[i] * std::pow(10.0, decade));
    return subTicks;
}

QVector<QString> LossAxisTicker::createLabelVector(const QVector<double>& ticks,
                                                   const QLocale& locale, QChar formatChar,
                                                   int precision) {
    if (scale_ == Scale::Logarithmic && exponentStep_ == 0) {
        // Evenly spaced ticks read best as plain numbers: 0.35 rather than 3.5·10^-1.
        formatChar = QLatin1Char('g');
        precision = 1;
    }
    // The axis's own precision, raised until the labels are faithful.
    for (int digits = std::max(precision, 0); digits <= kMostDigits; ++digits) {
        const QVector<QString> labels =
            QCPAxisTicker::createLabelVector(ticks, locale, formatChar, digits);
        if (labelsFaithful(labels, ticks, locale)) return labels;
    }
    return QCPAxisTicker::createLabelVector(ticks, locale, QLatin1Char('g'), kMostDigits);
}

}  // namespace ui
