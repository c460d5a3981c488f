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

}  // namespace

QString describeItem(const core::StepReveal& reveal, const NetworkItem& item, int sample,
                     int digits, std::optional<double> finiteDifference) {
    if (reveal.isEmpty() || item.kind == NetworkItem::Kind::None) return {};
    const core::StepSnapshot& step = reveal.step();
    const core::Topology& topology = step.topology();
    const bool batch = step.sampleCount() > 1;
    const QString ofSample = batch ? tr(" (sample %1)").arg(sample + 1) : QString();
    const auto text = [&](const core::QuantityRef& ref) {
        return QString::fromStdString(reveal.text(ref, digits));
    };
    const auto name = [&](int layer, int node) {
        return QString::fromStdString(topology.nodeName(layer, node));
    };
    const auto fixed = [&](double v) {
        return QString::fromStdString(core::formatNumber(v, digits));
    };
    using core::Quantity;

    switch (item.kind) {
        case NetworkItem::Kind::Node: {
            const QString node = name(item.layer, item.index);
            Table table(node + ofSample);
            if (item.layer == 0) {
                table.row("i_{" + node + "}", fixed(step.node(sample, 0, item.index).out));
                return table.html();
            }
            const auto ref = [&](Quantity q) {
                return core::QuantityRef{q, sample, item.layer, item.index};
            };
            table.row("net_{" + node + "}", text(ref(Quantity::Net)));
            table.row("out_{" + node + "}", text(ref(Quantity::Out)));
            table.row("@{d}E/@{d}out_{" + node + "}", text(ref(Quantity::DLoss_dOut)));
            table.row("@{d}out_{" + node + "}/@{d}net_{" + node + "}",
                      text(ref(Quantity::DOut_dNet)));
            table.row("@{delta}_{" + node + "} = @{d}E/@{d}net_{" + node + "}",
                      text(ref(Quantity::Delta)));
            return table.html();
        }
        case NetworkItem::Kind::Weight:
        case NetworkItem::Kind::Bias: {
            const bool weight = item.kind == NetworkItem::Kind::Weight;
            const int index = item.index;
            const QString parameter = QString::fromStdString(weight ? topology.weightName(index)
                                                                    : topology.biasName(index));
            QString title = parameter;
            if (weight) {
                const core::WeightEnds ends = topology.weightEnds(index);
                title += ": " + name(ends.layer - 1, ends.source) + " \u2192 " +
                         name(ends.layer, ends.destination);
            }
            Table table(title);
            table.row(parameter,
                      fixed(weight ? step.weightsBefore()[index] : step.biasesBefore()[index]));
            if (weight) {
                const core::WeightEnds ends = topology.weightEnds(index);
                const core::QuantityRef source{Quantity::Out, sample, ends.layer - 1, ends.source};
                const bool known = ends.layer == 1 || reveal.isKnown(source);
                table.row("@{d}net_{" + name(ends.layer, ends.destination) + "}/@{d}" + parameter +
                              " = out_{" + name(ends.layer - 1, ends.source) + "}" + ofSample,
                          known ? fixed(step.dNet_dWeight(sample, index)) : "?");
            }
            if (batch)
                table.row("@{d}E^{(" + QString::number(sample + 1) + ")}/@{d}" + parameter,
                          text({.quantity = weight ? Quantity::SampleDLoss_dWeight
                                                   : Quantity::SampleDLoss_dBias,
                                .sample = sample,
                                .parameter = index}));
            const core::QuantityRef gradient{
                .quantity = weight ? Quantity::DLoss_dWeight : Quantity::DLoss_dBias,
                .parameter = index};
            table.row("@{d}E_{total}/@{d}" + parameter + tr(" (backprop)"), text(gradient));
            if (finiteDifference) {
                table.row(tr("central difference"), fixed(*finiteDifference));
                if (reveal.isKnown(gradient))
                    table.row(tr("difference"), QString::fromStdString(core::formatNumber(
                                                    step.value(gradient) - *finiteDifference, 3)));
            }
            table.row(parameter + "^{+} = " + parameter + " - @{eta} * @{d}E/@{d}" + parameter,
                      text({.quantity = weight ? Quantity::NewWeight : Quantity::NewBias,
                            .parameter = index}));
            return table.html();
        }
        case NetworkItem::Kind::Loss: {
            Table table("E_total");
            table.row("E_{total}", text({Quantity::Loss}));
            const int last = topology.layerCount() - 1;
            for (int k = 0; k < topology.outputCount(); ++k)
                table.row("E_{" + name(last, k) + "}" + ofSample,
                          text({Quantity::OutputError, sample, last, k}));
            return table.html();
        }
        case NetworkItem::Kind::None:
            break;
    }
    return {};
}

}  // namespace ui
