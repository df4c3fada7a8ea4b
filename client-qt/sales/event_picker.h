#pragma once

#include "common/protocol/events.h"

#include <QWidget>

#include <vector>

class QLineEdit;
class QListWidget;
class QLabel;

namespace usher::sales {

// The performances a clerk can sell: today's first, then the coming ones, filtered as the clerk
// types (name, venue or city). Enter or a double click picks one.
class EventPicker : public QWidget {
    Q_OBJECT

public:
    explicit EventPicker(QWidget* parent = nullptr);

    // Replaces the list; performances that started more than six hours ago are left out.
    void setEvents(std::vector<protocol::EventSummary> events, Timestamp now);
    void setMessage(const QString& message); // shown instead of the list, e.g. an error
    QLineEdit* searchField() const { return m_search; }
    // The performances shown, in order (for tests).
    QStringList shown() const;
    void pick(int row);

Q_SIGNALS:
    void eventPicked(const protocol::EventSummary& event);

private:
    void refilter();

    QLineEdit* m_search;
    QListWidget* m_list;
    QLabel* m_message;
    std::vector<protocol::EventSummary> m_events;
};

} // namespace usher::sales
