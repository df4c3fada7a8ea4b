// The app speaks German and French: the compiled translations are in the binary, the chosen
// language follows the setting or the system, and the seat map's words come out translated.

#include "client-qt/app/translations.h"
#include "client-qt/seatmap/seat_map_model.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace usher;

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theLanguageFollowsTheSettingThenTheSystem() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("ui/language"), QStringLiteral("fr"));
        QCOMPARE(app::chosenLanguage(settings), QStringLiteral("fr"));
        settings.setValue(QStringLiteral("ui/language"), QStringLiteral("xx")); // not one of ours
        const QString system = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
        QCOMPARE(app::chosenLanguage(settings),
                 app::availableLanguages().contains(system) ? system : QStringLiteral("en"));
        QCOMPARE(app::availableLanguages(), QStringList({"en", "de", "fr"}));
    }

    void germanAndFrenchAreBuiltIn() {
        QVERIFY(!app::installTranslations(*QCoreApplication::instance(), QStringLiteral("xx")));
        QVERIFY(app::installTranslations(*QCoreApplication::instance(), QStringLiteral("de")));
        QCOMPARE(seatmap::stateName(seatmap::SeatState::Available), QStringLiteral("frei"));
        QCOMPARE(seatmap::stateName(seatmap::SeatState::HeldByMe), QStringLiteral("von Ihnen reserviert"));
        QCOMPARE(QLocale().language(), QLocale::German);
        QVERIFY(app::installTranslations(*QCoreApplication::instance(), QStringLiteral("fr")));
        // The last installed translator answers first.
        QCOMPARE(seatmap::stateName(seatmap::SeatState::Sold), QStringLiteral("vendu"));
        QCOMPARE(
            QCoreApplication::translate("usher::app::SignInDialog", "The user or the password is wrong."),
            QStringLiteral("L’utilisateur ou le mot de passe est incorrect."));
        QCOMPARE(QLocale().language(), QLocale::French);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
