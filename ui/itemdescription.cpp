#include "itemdescription.h"

#include <QCoreApplication>
#include <cmath>

#include "core/markup.h"

namespace ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("ItemDescription", text);
}

// Rows of symbol and value, as a small rich-text table.
class Table {
public:
    explicit Table(QString title) : html_("<b>" + title + "</b><table cellspacing='4'>") {}
    void row(const QString& symbolMarkup, const QString& value) {
        html_ += "<tr><td>" +
                 QString::fromStdString(core::htmlFromMarkup(symbolMarkup.toStdString())) +
                 "</td><td align='right'>" + value + "</td></tr>";
    }
    QString html() const { return html_ + "</table>"; }

private:
    QString html_;
};

// What the three descriptions need: the step, the sample, the digits, and the texts they share.
class Description {
public:
    Description(const core::StepReveal& reveal, int sample, int digits)
        : reveal_(reveal),
          step_(reveal.step()),
          topology_(step_.topology()),
          sample_(sample),
          digits_(digits),
          batch_(step_.sampleCount() > 1),
          ofSample_(batch_ ? tr(" (sample %1)").arg(sample + 1) : QString()) {}

    QString node(int layer, int index) const;
    QString parameter(bool weight, int index, std::optional<double> finiteDifference) const;
    QString loss() const;

private:
    // `ref`'s value as revealed: "?" not yet, "—" never.
    QString text(const core::QuantityRef& ref) const {
        return QString::fromStdString(reveal_.text(ref, digits_));
    }
    QString name(int layer, int node) const {
        return QString::fromStdString(topology_.nodeName(layer, node));
    }
    // A value known whatever is revealed (an input, a parameter before the step).
    QString fixed(double value) const {
        return QString::fromStdString(core::formatNumber(value, digits_));
    }

    const core::StepReveal& reveal_;
    const core::StepSnapshot& step_;
    const core::Topology& topology_;
    int sample_;
    int digits_;
    bool batch_;
    QString ofSample_;
};

// A node's net, out, dE/dout, dout/dnet and delta (an input: its value).
QString Description::node(int layer, int index) const {
    using core::Quantity;
    const QString node = name(layer, index);
    Table table(node + ofSample_);
    if (layer == 0) {
        table.row("i_{" + node + "}", fixed(step_.node(sample_, 0, index).out));
        return table.html();
    }
    const auto ref = [&](Quantity q) { return core::QuantityRef{q, sample_, layer, index}; };
    table.row("net_{" + node + "}", text(ref(Quantity::Net)));
    table.row("out_{" + node + "}", text(ref(Quantity::Out)));
    table.row("@{d}E/@{d}out_{" + node + "}", text(ref(Quantity::DLoss_dOut)));
    table.row("@{d}out_{" + node + "}/@{d}net_{" + node + "}", text(ref(Quantity::DOut_dNet)));
    table.row("@{delta}_{" + node + "} = @{d}E/@{d}net_{" + node + "}", text(ref(Quantity::Delta)));
    return table.html();
}

// A weight's or bias's value, dnet/dw, dE/dp per sample and for the batch, the central
// difference beside it, and the update.
QString Description::parameter(bool weight, int index,
                               std::optional<double> finiteDifference) const {
    using core::Quantity;
    const QString parameter =
        QString::fromStdString(weight ? topology_.weightName(index) : topology_.biasName(index));
    const core::WeightEnds ends = weight ? topology_.weightEnds(index) : core::WeightEnds{};
    Table table(weight ? parameter + ": " + name(ends.layer - 1, ends.source) + " \u2192 " +
                             name(ends.layer, ends.destination)
                       : parameter);
    table.row(parameter,
              fixed(weight ? step_.weightsBefore()[index] : step_.biasesBefore()[index]));
    if (weight) {
        const core::QuantityRef source{Quantity::Out, sample_, ends.layer - 1, ends.source};
        const bool known = ends.layer == 1 || reveal_.isKnown(source);
        table.row("@{d}net_{" + name(ends.layer, ends.destination) + "}/@{d}" + parameter +
                      " = out_{" + name(ends.layer - 1, ends.source) + "}" + ofSample_,
                  known ? fixed(step_.dNet_dWeight(sample_, index)) : "?");
    }
    if (batch_)
        table.row(
            "@{d}E^{(" + QString::number(sample_ + 1) + ")}/@{d}" + parameter,
            text({.quantity = weight ? Quantity::SampleDLoss_dWeight : Quantity::SampleDLoss_dBias,
                  .sample = sample_,
                  .parameter = index}));
    const core::QuantityRef gradient{
        .quantity = weight ? Quantity::DLoss_dWeight : Quantity::DLoss_dBias, .parameter = index};
    table.row("@{d}E_{total}/@{d}" + parameter + tr(" (backprop)"), text(gradient));
    if (finiteDifference) {
        table.row(tr("central difference"), fixed(*finiteDifference));
        if (reveal_.isKnown(gradient))
            table.row(tr("difference"), QString::fromStdString(core::formatNumber(
                                            step_.value(gradient) - *finiteDifference, 3)));
    }
    table.row(
        parameter + "^{+} = " + parameter + " - @{eta} * @{d}E/@{d}" + parameter,
        text({.quantity = weight ? Quantity::NewWeight : Quantity::NewBias, .parameter = index}));
    return table.html();
}

// E_total and each output's error.
QString Description::loss() const {
    Table table("E_total");
    table.row("E_{total}", text({core::Quantity::Loss}));
    const int last = topology_.layerCount() - 1;
    for (int k = 0; k < topology_.outputCount(); ++k)
        table.row("E_{" + name(last, k) + "}" + ofSample_,
                  text({core::Quantity::OutputError, sample_, last, k}));
    return table.html();
}

}  // namespace

QString describeItem(const core::StepReveal& reveal, const NetworkItem& item, int sample,
                     int digits, std::optional<double> finiteDifference) {
    if (reveal.isEmpty()) return {};
    const Description description(reveal, sample, digits);
    switch (item.kind) {
        case NetworkItem::Kind::Node:
            return description.node(item.layer, item.index);
        case NetworkItem::Kind::Weight:
        case NetworkItem::Kind::Bias:
            return description.parameter(item.kind == NetworkItem::Kind::Weight, item.index,
                                         finiteDifference);
        case NetworkItem::Kind::Loss:
            return description.loss();
        case NetworkItem::Kind::None:
            break;
    }
    return {};
}

}  // namespace ui
