extension ConsoleTemplates {
    /// The permission groups table; the default group is marked.
    static let groups = """
        {{<layout}}{{$content}}
        <div class="heading">
        <h1>Permission groups</h1>
        <a class="button primary" href="/console/groups/new">New group</a>
        </div>
        <p class="summary" id="groups-summary">{{summary}}</p>
        <div class="table-wrap">
        <table class="grid" id="groups" aria-describedby="groups-summary">
        <thead>
        <tr>
        <th scope="col">Name</th>
        <th scope="col">Description</th>
        <th scope="col" class="number">Permissions</th>
        <th scope="col" class="number">User accounts</th>
        <th scope="col" class="number">OAuth consumers</th>
        <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
        </thead>
        <tbody>
        {{#rows}}
        <tr>
        <td class="name"><a href="{{editHref}}">{{name}}</a>{{#isDefault}} <span class="badge default">Default group</span>{{/isDefault}}</td>
        <td class="description">{{#description}}{{.}}{{/description}}{{^description}}<span class="muted">—</span>{{/description}}</td>
        <td class="number">{{permissionCount}}</td>
        <td class="number">{{accountsCount}}</td>
        <td class="number">{{consumerCount}}</td>
        <td class="actions"><a href="{{editHref}}">Edit</a> <a class="danger" href="{{deleteHref}}">Delete</a></td>
        </tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        {{/content}}{{/layout}}
        """

    /// The new-group and edit-group form: the catalog's modules as rows, its actions as columns.
    static let groupForm = """
        {{<layout}}{{$content}}
        <h1>{{heading}}{{#isDefault}} <span class="badge default">Default group</span>{{/isDefault}}</h1>
        {{#hasErrors}}
        <div class="alert" role="alert">
        <p><strong>Not saved.</strong> The server refused these values, as the API would (400): see the fields marked below.</p>
        {{#otherErrors}}<p class="error">{{>error-line}}</p>{{/otherErrors}}
        </div>
        {{/hasErrors}}
        <form class="form wide" method="post" action="{{action}}" novalidate>
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        {{>name-and-description}}
        <fieldset class="field{{#errors.permissions}} invalid{{/errors.permissions}}">
        <legend>Permissions</legend>
        {{#errors.permissions}}<p class="error" data-field="permissions">{{>error-line}}</p>{{/errors.permissions}}
        <table class="grid permissions">
        <thead>
        <tr><th scope="col">Module</th>{{#actions}}<th scope="col" class="check">{{.}}</th>{{/actions}}</tr>
        </thead>
        <tbody>
        {{#modules}}
        <tr>
        <th scope="row">{{label}} <code>{{name}}</code></th>
        {{#cells}}<td class="check">{{#code}}<input type="checkbox" name="permissions" value="{{.}}" id="perm-{{.}}" aria-label="{{description}}" title="{{.}}"{{#checked}} checked{{/checked}}>{{/code}}</td>{{/cells}}
        </tr>
        {{/modules}}
        </tbody>
        </table>
        </fieldset>
        <div class="buttons">
        <button type="submit" class="primary">{{submitLabel}}</button>
        <a href="/console/groups">Cancel</a>
        </div>
        </form>
        {{#deleteHref}}<p><a class="danger" href="{{.}}">Delete this group…</a></p>{{/deleteHref}}
        {{/content}}{{/layout}}
        """

    /// The confirmation page of a group delete, or the server's reason for refusing it (409).
    static let groupDelete = """
        {{<layout}}{{$content}}
        <h1>Delete “{{name}}”?</h1>
        {{#conflict}}
        <div class="alert" role="alert">
        <p><strong>The server refused (409).</strong> {{.}}</p>
        </div>
        {{/conflict}}
        <dl class="facts">
        <dt>Default group</dt><dd>{{#isDefault}}Yes: the default group cannot be deleted{{/isDefault}}{{^isDefault}}No{{/isDefault}}</dd>
        <dt>User accounts</dt><dd>{{accountsCount}}</dd>
        <dt>OAuth consumers</dt><dd>{{#consumerNames}}<span class="chip">{{.}}</span> {{/consumerNames}}{{^consumerNames}}None{{/consumerNames}}</dd>
        </dl>
        <p class="hint">A group can be deleted when it is not the default group, has no user accounts, and no OAuth consumer uses it.</p>
        <form method="post" action="{{action}}" class="buttons">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit" class="danger">Delete</button>
        <a href="{{cancelHref}}">Cancel</a>
        </form>
        {{/content}}{{/layout}}
        """
}
