#pragma once

#include <QObject>

#include "core/handout.h"
#include "trainingcontroller.h"

class QAction;
class QWidget;

namespace ui {

// The worked example of the step shown, as a handout: File > Export handout... writes it as
// Markdown, LaTeX or HTML (core::writeHandout, as `backprop-lab-cli --explain --format` does),
// and Copy all terms puts its plain text on the clipboard.
class HandoutExport : public QObject {
    Q_OBJECT

public:
    HandoutExport(TrainingController* model, QWidget* parent);

    // The action that asks where to export the handout, for the File menu.
    QAction* exportAction() const { return export_; }
    // The action that copies every term as plain text, for the Edit menu.
    QAction* copyAllAction() const { return copyAll_; }

    // The handout of the step `model` shows, in `format`; empty when nothing is loaded.
    static QByteArray text(const TrainingController& model, core::HandoutFormat format);
    // The format a file name asks for by its extension: .md, .tex, .html or .htm.
    static std::optional<core::HandoutFormat> formatOf(const QString& path);
    // Writes the handout to `path` in the format of its extension; false with `error` set, the
    // file left as it was, when it cannot.
    bool save(const QString& path, QString* error) const;

private:
    void chooseAndSave();
    void copyAll();

    TrainingController* model_;
    QWidget* parent_;
    QAction* export_ = nullptr;
    QAction* copyAll_ = nullptr;
};

}  // namespace ui
