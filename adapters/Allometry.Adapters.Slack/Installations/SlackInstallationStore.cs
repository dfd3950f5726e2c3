namespace Allometry.Adapters.Slack.Installations;

using Dapper;
using Npgsql;

/// <summary>
/// Installed workspaces in <c>slack_installations</c>: the bot token is encrypted before it reaches
/// the database and decrypted only here. Read as the owner, outside any tenant scope (see migration 0012).
/// </summary>
internal sealed class SlackInstallationStore(NpgsqlDataSource dataSource, SlackTokenCipher cipher, TimeProvider time)
{
    public async Task SaveAsync(SlackInstallation installation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(installation);
        const string sql = """
            INSERT INTO slack_installations
                (team_id, enterprise_id, app_id, bot_user_id, scopes, token_ciphertext, key_id, installed_by, installed_at, updated_at)
            VALUES (@TeamId, @EnterpriseId, @AppId, @BotUserId, @Scopes, @Ciphertext, @KeyId, @InstalledBy, @Now, @Now)
            ON CONFLICT (team_id) DO UPDATE SET
                enterprise_id = excluded.enterprise_id, app_id = excluded.app_id, bot_user_id = excluded.bot_user_id,
                scopes = excluded.scopes, token_ciphertext = excluded.token_ciphertext, key_id = excluded.key_id,
                installed_by = excluded.installed_by, updated_at = excluded.updated_at
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            installation.TeamId,
            installation.EnterpriseId,
            installation.AppId,
            installation.BotUserId,
            installation.Scopes,
            Ciphertext = cipher.Encrypt(installation.BotToken, installation.TeamId),
            cipher.KeyId,
            installation.InstalledBy,
            Now = time.GetUtcNow(),
        }, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>The team's bot token and bot user, or null when the workspace never installed the app.</summary>
    public async Task<(string Token, string BotUserId)?> FindTokenAsync(string teamId, CancellationToken ct)
    {
        const string sql = "SELECT token_ciphertext, bot_user_id FROM slack_installations WHERE team_id = @teamId";
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(byte[] Ciphertext, string BotUserId)?>(
            new CommandDefinition(sql, new { teamId }, cancellationToken: ct)).ConfigureAwait(false);
        return row is { } r ? (cipher.Decrypt(r.Ciphertext, teamId), r.BotUserId) : null;
    }

    /// <summary>Forgets a workspace (token revoked, app uninstalled).</summary>
    public async Task<bool> DeleteAsync(string teamId, CancellationToken ct)
    {
        const string sql = "DELETE FROM slack_installations WHERE team_id = @teamId";
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { teamId }, cancellationToken: ct)).ConfigureAwait(false) > 0;
    }
}
