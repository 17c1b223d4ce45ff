extension ConsoleTemplates {
    /// The page around every screen: head, top bar, breadcrumb, notice; screens fill `content`.
    static let layout = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{chrome.title}} · Fracttal sandbox console</title>
        <link rel="stylesheet" href="/console/static/console.css">
        <script src="/console/static/console.js" defer></script>
        </head>
        <body>
        <header class="topbar">
        <a class="brand" href="/console/consumers">fracttal <span>sandbox console</span></a>
        {{#chrome.signedIn}}
        <nav aria-label="Sections">
        <a href="/console/consumers"{{#chrome.onConsumers}} aria-current="page"{{/chrome.onConsumers}}>OAuth Consumers</a>
        <a href="/console/groups"{{#chrome.onGroups}} aria-current="page"{{/chrome.onGroups}}>Permission groups</a>
        </nav>
        <form class="logout" method="post" action="/console/logout">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit" class="quiet">Log out</button>
        </form>
        {{/chrome.signedIn}}
        </header>
        <main>
        <p class="breadcrumb">Settings <span aria-hidden="true">›</span> API Connections <span aria-hidden="true">›</span> {{chrome.section}}</p>
        {{#chrome.notice}}<p class="notice" role="status">{{.}}</p>{{/chrome.notice}}
        {{$content}}{{/content}}
        </main>
        <footer>Local Fracttal emulator: the same company, rules and validation as its <code>/api</code>.</footer>
        </body>
        </html>

        """

    /// The name and description inputs of both forms, each with its refusals beside it.
    static let nameAndDescription = """
        <div class="field{{#errors.name}} invalid{{/errors.name}}">
        <label for="name">Name</label>
        <input id="name" name="name" type="text" value="{{name}}" autocomplete="off">
        {{#errors.name}}<p class="error" data-field="name">{{>error-line}}</p>{{/errors.name}}
        </div>
        <div class="field{{#errors.description}} invalid{{/errors.description}}">
        <label for="description">Description</label>
        <textarea id="description" name="description" rows="3">
        {{description}}</textarea>
        {{#errors.description}}<p class="error" data-field="description">{{>error-line}}</p>{{/errors.description}}
        </div>
        """

    /// One refused field, worded as the API's 400 names it.
    static let errorLine = """
        <code>{{field}}</code> {{message}}
        """

    /// A page that says one thing.
    static let message = """
        {{<layout}}{{$content}}
        <h1>{{heading}}</h1>
        {{#paragraphs}}<p>{{.}}</p>{{/paragraphs}}
        {{#link}}<p><a href="{{href}}">{{label}}</a></p>{{/link}}
        {{/content}}{{/layout}}
        """
}
