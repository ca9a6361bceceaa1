// gloss: the desktop application. Wires core's store to ui's main window; all work is in core and ui.
#include "app/cli/urlfetcher.h"
#include "core/storage/articleimporter.h"
#include "core/storage/articlerepository.h"
#include "core/storage/database.h"
#include "ui/articlesession.h"
#include "ui/batchimporter.h"
#include "ui/controllers/librarycontroller.h"
#include "ui/mainwindow.h"
#include "ui/screenshotter.h"
#include "ui/settings.h"
#include "ui/web/contentschemehandler.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

namespace {

int fail(const QString &message, int code = 1)
{
    QTextStream(stderr) << "gloss: " << message << '\n';
    if (QApplication::instance() && QApplication::platformName() != u"offscreen"
        && QApplication::platformName() != u"minimal")
        QMessageBox::critical(nullptr, QStringLiteral("Gloss"), message);
    return code;
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

bool wants(int argc, char **argv, const char *option)
{
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], option) == 0)
            return true;
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer startup;
    startup.start();
    // A screenshot needs no screen: render offscreen when there is no display.
    if (!hasDisplay()) {
        if (wants(argc, argv, "--screenshot") || wants(argc, argv, "--help") || wants(argc, argv, "--version")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        } else {
            QTextStream(stderr) << "gloss: there is no display (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                                   "Use gloss-cli for the headless tools, or gloss --screenshot OUT.png to render "
                                   "the window offscreen.\n";
            return 1;
        }
    }
    if (qEnvironmentVariable("QT_QPA_PLATFORM") == u"offscreen"
        && qEnvironmentVariableIsEmpty("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu");
    Gloss::Ui::ContentSchemeHandler::registerScheme();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Gloss"));
    QApplication::setApplicationName(QStringLiteral("Gloss"));
    QApplication::setApplicationVersion(QStringLiteral(GLOSS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.gloss.Gloss"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Gloss: read news articles distraction-free and annotate claims "
                                                    "and entities."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({ QStringLiteral("db"),
        QStringLiteral("The store (SQLite file); default: the user's data folder."), QStringLiteral("PATH") });
    parser.addOption(
        { QStringLiteral("article"), QStringLiteral("Open the stored article ID."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window to OUT.png once both panes have painted, then exit."),
        QStringLiteral("OUT.png") });
    parser.addOption({ QStringLiteral("size"), QStringLiteral("Window size for --screenshot (default 1400x900)."),
        QStringLiteral("WxH"), QStringLiteral("1400x900") });
    parser.addOption({ QStringLiteral("creator"), QStringLiteral("Annotator name (default: Preferences, else $USER)."),
        QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("theme"),
        QStringLiteral("Reader theme: system, light, sepia or dark (with --screenshot: for that picture only)."),
        QStringLiteral("THEME") });
    parser.addPositionalArgument(QStringLiteral("source"),
        QStringLiteral("A file (.html, .htm, .mhtml, .txt) or "
                       "http(s) URL to import and open."),
        QStringLiteral("[FILE|URL]"));
    parser.process(app);

    static const QRegularExpression sizePattern(QStringLiteral("^(\\d{3,5})x(\\d{3,5})$"));
    const auto sizeMatch = sizePattern.match(parser.value(QStringLiteral("size")));
    if (!sizeMatch.hasMatch())
        return fail(QStringLiteral("--size takes WIDTHxHEIGHT, e.g. 1400x900"), 2);
    if (parser.positionalArguments().size() > 1)
        return fail(QStringLiteral("name at most one file or URL to open"), 2);

    const bool screenshot = parser.isSet(QStringLiteral("screenshot"));
    if (parser.isSet(QStringLiteral("theme"))
        && !Gloss::Ui::Settings::themes().contains(parser.value(QStringLiteral("theme"))))
        return fail(QStringLiteral("--theme takes system, light, sepia or dark"), 2);
    // A screenshot neither reads nor changes the user's preferences: it uses fresh, throw-away settings.
    QTemporaryDir scratch;
    std::unique_ptr<Gloss::Ui::Settings> settings = screenshot
        ? std::make_unique<Gloss::Ui::Settings>(scratch.filePath(QStringLiteral("settings.ini")))
        : std::make_unique<Gloss::Ui::Settings>();
    if (screenshot)
        settings->setTheme(QStringLiteral("light"));
    if (parser.isSet(QStringLiteral("theme")))
        settings->setTheme(parser.value(QStringLiteral("theme")));

    QString dbPath = parser.value(QStringLiteral("db"));
    if (dbPath.isEmpty() && !screenshot)
        dbPath = settings->databasePath();
    auto database = Gloss::Core::Database::open(dbPath);
    if (!database)
        return fail(database.error().message);

    QString creator = parser.value(QStringLiteral("creator"));
    if (creator.isEmpty())
        creator = qEnvironmentVariable("USER", QStringLiteral("gloss"));
    Gloss::Ui::MainWindow window(**database, settings.get(), creator);
    if (parser.isSet(QStringLiteral("creator")))
        window.session()->setCreator(creator);
    window.libraryController()->setUrlFetcher([](const QUrl &url) -> Gloss::Core::Result<Gloss::Ui::FetchedPage> {
        auto page = Gloss::Cli::fetchUrl(url);
        if (!page)
            return std::unexpected(page.error());
        return Gloss::Ui::FetchedPage { page->bytes, page->url, page->contentType };
    });
    window.resize(sizeMatch.captured(1).toInt(), sizeMatch.captured(2).toInt());
    if (!screenshot && !parser.isSet(QStringLiteral("size")))
        window.restoreState();

    qint64 articleId = 0;
    // A read-only store (its file or folder is not writable) still opens for reading: a file or URL to import is
    // reported once, and the window shows what the store holds.
    QString startupNotice;
    if (!parser.positionalArguments().isEmpty() && (*database)->isReadOnly()) {
        startupNotice = Gloss::Ui::LibraryController::readOnlyMessage(parser.positionalArguments().first());
        QTextStream(stderr) << "gloss: " << startupNotice << '\n';
    }
    if (!parser.positionalArguments().isEmpty() && startupNotice.isEmpty()) {
        const QString source = parser.positionalArguments().first();
        const QUrl url(source, QUrl::StrictMode);
        Gloss::Core::Result<Gloss::Core::ImportOutcome> outcome;
        if ((url.scheme() == u"http" || url.scheme() == u"https") && !screenshot) {
            // Through WebEngine, so that script-rendered pages work; saved as an MHTML snapshot.
            window.show();
            window.libraryController()->importUrl(url);
            return app.exec();
        }
        if (url.scheme() == u"http" || url.scheme() == u"https") {
            auto page = Gloss::Cli::fetchUrl(url);
            if (!page)
                return fail(page.error().message);
            outcome = Gloss::Core::ArticleImporter(**database).importBytes(page->bytes, page->url, page->contentType);
        } else {
            outcome = Gloss::Core::ArticleImporter(**database).importFile(source);
        }
        if (!outcome)
            return fail(outcome.error().message);
        articleId = outcome->articleId;
        window.refreshLibrary();
    } else if (parser.isSet(QStringLiteral("article"))) {
        articleId = parser.value(QStringLiteral("article")).toLongLong();
        if (articleId <= 0)
            return fail(QStringLiteral("--article takes an article id (a positive number)"), 2);
    } else if (auto ids = Gloss::Core::ArticleRepository(**database).articleIds(); ids && !ids->isEmpty()) {
        // The article open at the last close, else the newest.
        articleId = ids->contains(settings->lastArticle()) ? settings->lastArticle() : ids->last();
    }
    if (articleId) {
        if (auto r = window.openArticle(articleId); !r)
            return fail(r.error().message);
    }
    window.show();
    if (!startupNotice.isEmpty())
        window.showNotice(startupNotice);
    if (qEnvironmentVariableIsSet("GLOSS_STARTUP_TIME"))
        QTimer::singleShot(0, &window,
            [&startup] { QTextStream(stderr) << "gloss: usable window after " << startup.elapsed() << " ms\n"; });

    if (screenshot) {
        auto *shot = new Gloss::Ui::Screenshotter(&window, parser.value(QStringLiteral("screenshot")), 30000, &app);
        int exitCode = 0;
        QObject::connect(shot, &Gloss::Ui::Screenshotter::finished, &app, [&exitCode](bool ok, const QString &message) {
            QTextStream(ok ? stdout : stderr) << "gloss: " << message << '\n';
            exitCode = ok ? 0 : 1;
            QApplication::exit(exitCode);
        });
        shot->start();
        app.exec();
        return exitCode;
    }
    return app.exec();
}
