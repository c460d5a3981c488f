#pragma once

#include <qcustomplot.h>

namespace ui {

// Ticks for the loss axis whose labels never repeat. On a log scale with at least two powers
// of ten in view (so over a decade or more) the ticks sit at powers of ten, labelled in the
// axis's number format ("eb" draws 10^-3); within a decade, and on a linear scale, they are the
// usual evenly spaced ones (0.35, 0.4, 0.45). Each label gets the fewest digits with which it
// differs from its neighbours and reads back as its own tick.
class LossAxisTicker : public QCPAxisTicker {
public:
    // The scale of the axis the ticker serves.
    enum class Scale { Linear, Logarithmic };

    // A ticker for an axis of the given scale.
    explicit LossAxisTicker(Scale scale = Scale::Logarithmic);

    // The scale of the axis the ticker serves.
    Scale scale() const { return scale_; }
    // The step in exponents between the power-of-ten ticks of `range` (1: every decade), or 0
    // when its ticks are evenly spaced instead.
    int powerOfTenStep(const QCPRange& range) const;
    // The ticks, sub-ticks and labels for `range`, as QCPAxisTicker::generate does.
    void generate(const QCPRange& range, const QLocale& locale, QChar formatChar, int precision,
                  QVector<double>& ticks, QVector<double>* subTicks,
                  QVector<QString>* tickLabels) override;

protected:
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override;
    int getSubTickCount(double tickStep) override;
    QVector<double> createSubTickVector(int subTickCount, const QVector<double>& ticks) override;
    QVector<QString> createLabelVector(const QVector<double>& ticks, const QLocale& locale,
                                       QChar formatChar, int precision) override;

private:
    Scale scale_;
    int exponentStep_ = 0;  // powerOfTenStep() of the range being ticked
};

}  // namespace ui
