import type { ChatStore, PendingPost } from '../store'
import { t } from '../../../core/i18n'
import { renderMarkdown } from '../../../core/markdown'
import type { User } from '../../../core/protocol'

/** Why the server refused a post, in the reader's language. */
function refusal(error: PendingPost['error']): string {
  switch (error?.code) {
    case 'text_too_long':
      return t('msg.refusedTooLong')
    case 'rate_limited':
      return t('msg.refusedRate')
    case 'forbidden':
    case 'not_found':
      return t('msg.refusedForbidden')
    case 'unavailable':
      return t('msg.refusedBusy')
    case 'conflict': // (a post's only conflict: the room was archived)
      return t('room.archivedNotice')
    default:
      return error?.message ?? ''
  }
}

/** A post the server has not confirmed yet, marked as such; a refused one says why. */
export function PendingItem({
  store,
  post,
  user,
}: {
  store: ChatStore
  post: PendingPost
  user: User
}) {
  const failed = post.state === 'failed'
  const label =
    post.state === 'queued'
      ? t('msg.queued')
      : post.state === 'sent'
        ? t('msg.sending')
        : t('msg.failedBecause', { reason: refusal(post.error) })
  return (
    <li
      class={`message mine pending pending-${post.state}`}
      data-cmid={post.cmid}
      aria-busy={!failed}
    >
      <div class="meta">
        <span class="author">{user.display_name}</span>{' '}
        <span class="pending-state" role={failed ? 'alert' : undefined}>
          {label}
        </span>
      </div>
      <div
        class="md"
        lang={post.lang}
        dangerouslySetInnerHTML={{ __html: renderMarkdown(post.text) }}
      />
      {failed && (
        <div class="pending-actions">
          <button type="button" onClick={() => store.retryPending(post.cmid)}>
            {t('msg.retry')}
          </button>
          <button type="button" onClick={() => store.discardPending(post.cmid)}>
            {t('msg.discard')}
          </button>
        </div>
      )}
    </li>
  )
}
