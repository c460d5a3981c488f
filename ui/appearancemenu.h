#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;

namespace ui {

class TrainingController;

// The View menu's projector entries: Zoom In, Zoom Out and Actual Size (Ctrl++, Ctrl+-,
// Ctrl+0) step the model's zoom through ZoomLevels; Theme chooses light, dark or high contrast
// (applyTheme). The actions act while the menus are hidden too. When `remembered`, both are
// read from QSettings at the start and kept there as they change.
class AppearanceMenu : public QObject {
    Q_OBJECT

public:
    AppearanceMenu(QMainWindow& window, QMenu& view, TrainingController* model, bool remembered);

    QAction* zoomInAction() const { return zoomIn_; }
    QAction* zoomOutAction() const { return zoomOut_; }
    QAction* actualSizeAction() const { return actualSize_; }
    // The theme's checkable action, by its key (themeKey).
    QAction* themeAction(const QString& key) const;

private:
    void showZoom();

    TrainingController* model_;
    bool remembered_;
    QAction* zoomIn_;
    QAction* zoomOut_;
    QAction* actualSize_;
    QActionGroup* themes_;
};

}  // namespace ui
