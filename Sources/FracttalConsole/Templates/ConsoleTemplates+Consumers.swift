extension ConsoleTemplates {
    /// The OAuth Consumers table, as in Fracttal's screen: sortable headings, a filter, pages of 100.
    static let consumers = """
        {{<layout}}{{$content}}
        <div class="heading">
        <h1>OAuth Consumers</h1>
        <a class="button primary" href="/console/consumers/new">New consumer</a>
        </div>
        <form class="filter" method="get" action="/console/consumers" role="search">
        <label for="q">Filter</label>
        <input type="search" id="q" name="q" value="{{query}}" placeholder="Name, description, group or key">
        {{#sort}}<input type="hidden" name="sort" value="{{.}}">{{/sort}}
        {{#order}}<input type="hidden" name="order" value="{{.}}">{{/order}}
        <button type="submit">Filter</button>
        {{#hasQuery}}<a href="{{clearHref}}">Clear</a>{{/hasQuery}}
        </form>
        <p class="summary" id="consumers-summary">{{summary}}</p>
        <div class="table-wrap">
        <table class="grid" id="consumers" aria-describedby="consumers-summary">
        <thead>
        <tr>
        {{#columns}}<th scope="col"{{#ariaSort}} aria-sort="{{.}}"{{/ariaSort}}><a href="{{href}}">{{label}}{{#arrow}} <span class="arrow" aria-hidden="true">{{.}}</span>{{/arrow}}</a></th>
        {{/columns}}
        <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
        </thead>
        <tbody>
        {{#rows}}
        <tr>
        <td class="name"><a href="{{editHref}}">{{name}}</a></td>
        <td class="description">{{#description}}{{.}}{{/description}}{{^description}}<span class="muted">—</span>{{/description}}</td>
        <td>{{grantType}}</td>
        <td>{{groupName}}</td>
        <td>{{#hub}}<span class="badge on">Active</span>{{/hub}}{{^hub}}<span class="badge">Inactive</span>{{/hub}}</td>
        <td><code class="key">{{key}}</code></td>
        <td><time datetime="{{createdISO}}">{{created}}</time></td>
        <td class="actions"><a href="{{editHref}}">Edit</a> <a class="danger" href="{{deleteHref}}">Delete</a></td>
        </tr>
        {{/rows}}
        {{^rows}}
        <tr><td colspan="8" class="empty">{{emptyText}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        <nav class="pager" aria-label="Pages">
        {{#previousHref}}<a href="{{.}}" rel="prev">← Previous</a>{{/previousHref}}
        <span>Page {{page}} of {{pageCount}}</span>
        {{#nextHref}}<a href="{{.}}" rel="next">Next →</a>{{/nextHref}}
        </nav>
        {{/content}}{{/layout}}
        """

    /// The new-consumer and edit-consumer form; refused fields are shown beside their inputs.
    static let consumerForm = """
        {{<layout}}{{$content}}
        <h1>{{heading}}</h1>
        {{#hasErrors}}
        <div class="alert" role="alert">
        <p><strong>Not saved.</strong> The server refused these values, as the API would (400): see the fields marked below.</p>
        {{#otherErrors}}<p class="error">{{>error-line}}</p>{{/otherErrors}}
        </div>
        {{/hasErrors}}
        <form class="form" method="post" action="{{action}}" novalidate>
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <div class="field{{#errors.grant_type}} invalid{{/errors.grant_type}}">
        {{#isNew}}
        <label for="grant_type">Grant type</label>
        <select id="grant_type" name="grant_type">
        {{#grantTypes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>
        {{/grantTypes}}
        </select>
        {{/isNew}}
        {{^isNew}}
        <span class="label">Grant type</span>
        <p class="static">{{grantTypeLabel}} <span class="hint">(a consumer's grant type cannot change after creation)</span></p>
        {{/isNew}}
        {{#errors.grant_type}}<p class="error" data-field="grant_type">{{>error-line}}</p>{{/errors.grant_type}}
        </div>
        {{>name-and-description}}
        <div class="field{{#errors.id_group_permission}} invalid{{/errors.id_group_permission}}">
        <label for="id_group_permission">Permission group</label>
        <select id="id_group_permission" name="id_group_permission">
        {{#groups}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>
        {{/groups}}
        </select>
        {{#errors.id_group_permission}}<p class="error" data-field="id_group_permission">{{>error-line}}</p>{{/errors.id_group_permission}}
        </div>
        {{#showsRedirect}}
        <div class="field{{#errors.redirect_uri}} invalid{{/errors.redirect_uri}}" id="redirect-field">
        <label for="redirect_uri">Redirect URI</label>
        <input id="redirect_uri" name="redirect_uri" type="url" value="{{redirectURI}}" autocomplete="off">
        <p class="hint">Authorization code only: an https:// URL, or http:// to a loopback host. Leave it empty for client credentials.</p>
        {{#errors.redirect_uri}}<p class="error" data-field="redirect_uri">{{>error-line}}</p>{{/errors.redirect_uri}}
        </div>
        {{/showsRedirect}}
        <div class="field switch{{#errors.hub_enabled}} invalid{{/errors.hub_enabled}}">
        <input id="hub_enabled" name="hub_enabled" type="checkbox" value="true"{{#hubEnabled}} checked{{/hubEnabled}}>
        <label for="hub_enabled">Activate Fracttal Hub (Middleware)</label>
        {{#errors.hub_enabled}}<p class="error" data-field="hub_enabled">{{>error-line}}</p>{{/errors.hub_enabled}}
        </div>
        <div class="buttons">
        <button type="submit" class="primary">{{submitLabel}}</button>
        <a href="/console/consumers">Cancel</a>
        </div>
        </form>
        {{#credentials}}
        <section class="panel" aria-labelledby="credentials-heading">
        <h2 id="credentials-heading">Credentials</h2>
        <dl class="facts">
        <dt>Key</dt><dd><code id="consumer-key">{{key}}</code></dd>
        <dt>Secret</dt><dd class="muted">Shown only once, when it is issued.</dd>
        <dt>Creation date</dt><dd><span><time datetime="{{createdISO}}">{{created}}</time> UTC</span></dd>
        </dl>
        <form method="post" action="{{rotateAction}}">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit">Generate new secret</button>
        <span class="hint">The current secret stops working for new tokens at once; tokens already issued last until they expire.</span>
        </form>
        </section>
        <p><a class="danger" href="{{deleteHref}}">Delete this consumer…</a></p>
        {{/credentials}}
        {{/content}}{{/layout}}
        """

    /// The Credentials panel: key, secret (once) and creation date, with copy buttons where
    /// JavaScript runs.
    static let credentials = """
        {{<layout}}{{$content}}
        <h1>Credentials</h1>
        <p>OAuth consumer <strong>{{name}}</strong></p>
        <section class="panel credentials" aria-label="Credentials">
        <dl class="facts">
        <dt>Key</dt>
        <dd><code id="consumer-key">{{key}}</code> <button type="button" class="copy" data-copy="consumer-key" hidden>Copy</button></dd>
        <dt>Secret</dt>
        {{#secret}}
        <dd><code id="consumer-secret">{{.}}</code> <button type="button" class="copy" data-copy="consumer-secret" hidden>Copy</button></dd>
        {{/secret}}
        {{^secret}}
        <dd class="muted" id="secret-hidden">Shown only once, right after it is issued. If it is lost, generate a new one.</dd>
        {{/secret}}
        <dt>Creation date</dt>
        <dd><span><time id="secret-created" datetime="{{createdISO}}">{{created}}</time> UTC</span></dd>
        </dl>
        {{#secret}}
        <p class="warning">Copy the secret now: it is not shown again, and the sandbox keeps only its hash.</p>
        {{/secret}}
        {{^secret}}
        <form method="post" action="{{rotateAction}}">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit">Generate new secret</button>
        </form>
        {{/secret}}
        </section>
        <p><a href="/console/consumers">Back to OAuth Consumers</a> · <a href="{{editHref}}">Edit this consumer</a></p>
        {{/content}}{{/layout}}
        """

    /// The confirmation page of a consumer delete.
    static let consumerDelete = """
        {{<layout}}{{$content}}
        <h1>Delete “{{name}}”?</h1>
        <p>The OAuth consumer <strong>{{name}}</strong> (key <code>{{key}}</code>, permission group {{groupName}}) will be deleted. Whatever uses its key and secret can get no new token.</p>
        {{#isBootstrap}}
        <p class="warning">This is the sandbox's bootstrap consumer, ci-bootstrap: tools using the credentials file of fracttal sandbox serve lose access until the sandbox starts again, which creates it anew.</p>
        {{/isBootstrap}}
        <form method="post" action="{{action}}" class="buttons">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit" class="danger">Delete</button>
        <a href="{{cancelHref}}">Cancel</a>
        </form>
        {{/content}}{{/layout}}
        """
}
