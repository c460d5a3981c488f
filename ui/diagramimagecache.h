#pragma once

#include <QHash>
#include <QPixmap>
#include <QRectF>
#include <QString>
#include <functional>

class QPainter;

namespace ui {

// Parts of the network drawing that change only with the layout (node circles, the boxes and
// names of node values, the legend), drawn once into images and then copied.
class DiagramImageCache {
public:
    // Draws what `draw` paints (in coordinates from `box`'s top left) into `box`, from an image
    // made the first time `key` is asked for, at `pixelRatio` device pixels per pixel.
    void draw(QPainter& painter, const QString& key, const QRectF& box, qreal pixelRatio,
              const std::function<void(QPainter&)>& draw);
    // Forgets every image (the layout changed).
    void clear() { images_.clear(); }

private:
    QHash<QString, QPixmap> images_;
};

}  // namespace ui
