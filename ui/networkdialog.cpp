#include "networkdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>
#include <numeric>

namespace ui {

namespace {

QString activationText(core::Activation activation) {
    return QString::fromUtf8(core::activationName(activation).data());
}

// What a changed network is, for its session's description: "Changed with Network...: layers
// 2-2-2, activations tanh, sigmoid; a bias per node, trained."
QString describeNetwork(const core::NetworkConfig& config) {
    QStringList layers, activations;
    for (int size : config.layers)
        layers << QString::number(size);
    for (core::Activation a : config.activations)
        activations << activationText(a);
    return QObject::tr("Changed with Network...: layers %1, activations %2; %3, %4.")
        .arg(layers.join("-"), activations.join(", "),
             config.biasMode == core::BiasMode::Shared ? QObject::tr("one bias per layer")
                                                       : QObject::tr("a bias per node"),
             config.trainBiases ? QObject::tr("trained") : QObject::tr("fixed"));
}

}  // namespace

NetworkDialog::NetworkDialog(const session::Session& session, QWidget* parent)
    : QDialog(parent), session_(session) {
    setObjectName("networkDialog");
    setWindowTitle(tr("Network"));
    const core::NetworkConfig& config = session.config;
    auto* form = new QFormLayout(this);

    for (std::size_t l = 1; l < config.layers.size(); ++l) {
        auto* choice = new QComboBox;
        choice->setObjectName(QStringLiteral("activation%1").arg(l));
        for (const core::ActivationInfo& activation : core::kActivations)
            choice->addItem(activationText(activation.activation), int(activation.activation));
        choice->setCurrentIndex(choice->findData(int(config.activations[l - 1])));
        const QString layer = l + 1 == config.layers.size()
                                  ? tr("Output layer")
                                  : tr("Hidden layer %1").arg(config.layers.size() > 3 ? l : 1);
        choice->setAccessibleName(tr("Activation of the %1").arg(layer.toLower()));
        choice->setToolTip(tr("The function the nodes of this layer apply to their net input"));
        form->addRow(layer, choice);
        activations_.push_back(choice);
    }
    biasMode_ = new QComboBox;
    biasMode_->setObjectName("biasModeChooser");
    biasMode_->addItem(tr("one per layer (shared)"), int(core::BiasMode::Shared));
    biasMode_->addItem(tr("one per node"), int(core::BiasMode::PerNode));
    biasMode_->setCurrentIndex(biasMode_->findData(int(config.biasMode)));
    biasMode_->setAccessibleName(tr("Bias mode"));
    biasMode_->setToolTip(
        tr("One bias shared by a layer's nodes, as in the worked example, or a "
           "bias for every node"));
    form->addRow(tr("Biases"), biasMode_);
    trainBiases_ = new QCheckBox(tr("train the biases"));
    trainBiases_->setObjectName("trainBiasesBox");
    trainBiases_->setChecked(config.trainBiases);
    trainBiases_->setToolTip(tr("Update the biases too (the worked example keeps them fixed)"));
    form->addRow(QString(), trainBiases_);
    randomWeights_ = new QCheckBox(tr("start from random weights and biases"));
    randomWeights_->setObjectName("randomWeightsBox");
    randomWeights_->setToolTip(
        tr("Draw every weight and bias from the seed instead of the "
           "values of the session"));
    form->addRow(QString(), randomWeights_);
    seed_ = new QSpinBox;
    seed_->setObjectName("seedField");
    seed_->setRange(0, 1'000'000'000);
    seed_->setValue(int(std::min<std::uint64_t>(config.seed, 1'000'000'000)));
    seed_->setEnabled(false);
    seed_->setAccessibleName(tr("Seed"));
    seed_->setToolTip(tr("The same seed always draws the same weights"));
    connect(randomWeights_, &QCheckBox::toggled, seed_, &QSpinBox::setEnabled);
    form->addRow(tr("Seed"), seed_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

session::Session NetworkDialog::result() const {
    session::Session changed = session_;
    core::NetworkConfig& config = changed.config;
    for (std::size_t l = 0; l < activations_.size(); ++l)
        config.activations[l] = core::Activation(activations_[l]->currentData().toInt());
    config.trainBiases = trainBiases_->isChecked();
    const auto mode = core::BiasMode(biasMode_->currentData().toInt());
    if (mode != config.biasMode && !config.biases.empty()) {
        for (std::size_t l = 0; l < config.biases.size(); ++l) {
            std::vector<double>& layer = config.biases[l];
            if (mode == core::BiasMode::PerNode)
                layer.assign(config.layers[l + 1], layer.front());
            else
                layer = {std::accumulate(layer.begin(), layer.end(), 0.0) / layer.size()};
        }
    }
    config.biasMode = mode;
    if (randomWeights_->isChecked()) {
        config.weights.clear();
        config.biases.clear();
        config.seed = std::uint64_t(seed_->value());
    }
    // The old description would describe the old network.
    if (changed != session_) changed.description = describeNetwork(config);
    return changed;
}

}  // namespace ui
