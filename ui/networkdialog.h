#pragma once

#include <QDialog>
#include <vector>

#include "ui/session/sessionfile.h"

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace ui {

// Changes the network of a session: the activation of each layer, the bias mode, whether the
// biases train, and whether to start from random weights drawn from a seed.
class NetworkDialog : public QDialog {
    Q_OBJECT

public:
    NetworkDialog(const session::Session& session, QWidget* parent = nullptr);

    // The session with the choices applied. A change of bias mode keeps what the network
    // computes: a shared bias becomes the same bias on every node, per-node biases their mean.
    session::Session result() const;

private:
    session::Session session_;
    std::vector<QComboBox*> activations_;
    QComboBox* biasMode_ = nullptr;
    QCheckBox* trainBiases_ = nullptr;
    QCheckBox* randomWeights_ = nullptr;
    QSpinBox* seed_ = nullptr;
};

}  // namespace ui
