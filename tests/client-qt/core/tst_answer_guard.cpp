// A guarded callback runs while its guard lives and is dropped after: a window that closed with a
// request in flight is never called back.
#include "client-qt/core/answer_guard.h"

#include <QtTest>

#include <functional>
#include <memory>

class TestAnswerGuard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void answersReachALiveOwnerOnly() {
        int heard = 0;
        std::function<void(int)> callback;
        {
            usher::core::AnswerGuard guard;
            callback = guard([&heard](int answer) { heard += answer; });
            callback(2);
            QCOMPARE(heard, 2);
        }
        callback(40); // the owner is gone
        QCOMPARE(heard, 2);
    }

    void movableAnswersPassThrough() {
        usher::core::AnswerGuard guard;
        std::unique_ptr<int> received;
        auto callback = guard([&received](std::unique_ptr<int> answer) { received = std::move(answer); });
        callback(std::make_unique<int>(7));
        QVERIFY(received != nullptr);
        QCOMPARE(*received, 7);
    }
};

QTEST_APPLESS_MAIN(TestAnswerGuard)
#include "tst_answer_guard.moc"
