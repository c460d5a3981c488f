#pragma once

// What the edit tests share: what the model shows, to compare bit for bit before and after an
// edit, an undo or a redo; the window they drive; the editor open in it.

#include <QString>
#include <memory>
#include <vector>

#include "ui/mainwindow.h"
#include "ui/session/sessionfile.h"
#include "ui/trainingcontroller.h"
#include "ui/valueeditor.h"

namespace testing_support {

// All of the model that an edit or an undo may change.
struct Seen {
    session::Session session;
    QString name;
    long long iteration;
    long long end;
    double rate;
    std::vector<double> weights, biases, losses;
    bool operator==(const Seen&) const = default;
};

inline Seen seen(const ui::TrainingController& model) {
    Seen result{model.trainedSession(),
                model.sessionName(),
                model.iteration(),
                model.recordedEnd(),
                model.learningRate(),
                {},
                {},
                {}};
    const core::Parameters parameters = model.snapshot().parametersBefore();
    result.weights = parameters.weights;
    result.biases = parameters.biases;
    for (const auto& point : model.history().points())
        result.losses.push_back(point.loss);
    return result;
}

// A window on the worked example, shown offscreen at 1280x800.
inline std::unique_ptr<ui::MainWindow> shownWindow() {
    auto result = std::make_unique<ui::MainWindow>(ui::MainWindow::Arrangement::Default);
    result->resize(1280, 800);
    result->show();
    result->settle();
    return result;
}

// The editor open in `parent` (a closed one is gone or on its way), or null.
inline ui::ValueEditor* openEditor(const QWidget& parent) {
    for (ui::ValueEditor* editor : parent.findChildren<ui::ValueEditor*>("valueEditor"))
        if (editor->isVisible()) return editor;
    return nullptr;
}

}  // namespace testing_support
