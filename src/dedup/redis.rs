//! [`RedisStore`]: claims shared by every instance through Redis (the `redis` feature).

use super::{Claim, DedupStore, StoreError, StoreFuture};
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use std::{sync::Arc, time::Duration};

/// Claims kept in Redis, shared by every instance of the app.
///
/// A claim is one atomic `SET key token NX PX lease`; completing and releasing are Lua scripts
/// that act only when the key still holds this claim's token, so an instance never completes
/// or releases another's claim (for instance after its own lease expired). The connection is a
/// [`ConnectionManager`], which reconnects after Redis restarts; while Redis is unreachable
/// every call fails fast (one retry, 2 s timeouts) and the layer answers 503.
///
/// ```no_run
/// use tower_webhook::{dedup::RedisStore, Scheme, VerifyWebhookLayer};
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let store = RedisStore::connect("redis://127.0.0.1:6379/").await?;
/// let layer = VerifyWebhookLayer::new(Scheme::github(), "secret")?.deduplicate(store);
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct RedisStore {
    connection: ConnectionManager,
    scripts: Arc<Scripts>,
}

/// The scripts, hashed once (they are sent by hash, and loaded when Redis lacks them).
struct Scripts {
    complete: redis::Script,
    release: redis::Script,
}

const COMPLETE: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2])
end
return false";

const RELEASE: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0";

impl RedisStore {
    /// Connects to the Redis at `url` (`redis://host:port/db`).
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let client = redis::Client::open(url).map_err(StoreError::new)?;
        let config = ConnectionManagerConfig::new()
            .set_number_of_retries(1)
            .set_max_delay(Duration::from_millis(500))
            .set_connection_timeout(Some(Duration::from_secs(2)))
            .set_response_timeout(Some(Duration::from_secs(2)));
        let connection = ConnectionManager::new_with_config(client, config)
            .await
            .map_err(StoreError::new)?;
        Ok(RedisStore::from_connection(connection))
    }

    /// A store over an existing connection manager.
    pub fn from_connection(connection: ConnectionManager) -> Self {
        RedisStore {
            connection,
            scripts: Arc::new(Scripts {
                complete: redis::Script::new(COMPLETE),
                release: redis::Script::new(RELEASE),
            }),
        }
    }
}

impl std::fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisStore").finish_non_exhaustive()
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis())
        .unwrap_or(u64::MAX)
        .max(1)
}

impl DedupStore for RedisStore {
    fn claim(&self, key: &str, token: &str, lease: Duration) -> StoreFuture<Claim> {
        let mut connection = self.connection.clone();
        let (key, token) = (key.to_owned(), token.to_owned());
        Box::pin(async move {
            let set: Option<String> = redis::cmd("SET")
                .arg(&key)
                .arg(&token)
                .arg("NX")
                .arg("PX")
                .arg(millis(lease))
                .query_async(&mut connection)
                .await
                .map_err(StoreError::new)?;
            if set.is_some() {
                return Ok(Claim::Claimed);
            }
            let holder: Option<String> = redis::cmd("GET")
                .arg(&key)
                .query_async(&mut connection)
                .await
                .map_err(StoreError::new)?;
            // Gone between the two calls (a lease that just expired): busy; the retry claims.
            Ok(match holder.as_deref() {
                Some("done") => Claim::Done,
                _ => Claim::InFlight,
            })
        })
    }

    fn complete(&self, key: &str, token: &str, keep: Duration) -> StoreFuture<()> {
        let (mut connection, scripts) = (self.connection.clone(), self.scripts.clone());
        let (key, token) = (key.to_owned(), token.to_owned());
        Box::pin(async move {
            scripts
                .complete
                .key(key)
                .arg(token)
                .arg(millis(keep))
                .invoke_async::<redis::Value>(&mut connection)
                .await
                .map(drop)
                .map_err(StoreError::new)
        })
    }

    fn release(&self, key: &str, token: &str) -> StoreFuture<()> {
        let (mut connection, scripts) = (self.connection.clone(), self.scripts.clone());
        let (key, token) = (key.to_owned(), token.to_owned());
        Box::pin(async move {
            scripts
                .release
                .key(key)
                .arg(token)
                .invoke_async::<redis::Value>(&mut connection)
                .await
                .map(drop)
                .map_err(StoreError::new)
        })
    }
}
