import type { PendingPost } from '../store'
import { t } from '../../../core/i18n'
import { renderMarkdown } from '../../../core/markdown'
import type { User } from '../../../core/protocol'

/** A post the server has not confirmed yet, marked as such. */
export function PendingItem({ post, user }: { post: PendingPost; user: User }) {
  const label =
    post.state === 'queued'
      ? t('msg.queued')
      : post.state === 'sent'
        ? t('msg.sending')
        : t('msg.failed')
  return (
    <li class={`message mine pending pending-${post.state}`} data-cmid={post.cmid} aria-busy="true">
      <div class="meta">
        <span class="author">{user.display_name}</span> <span class="pending-state">{label}</span>
      </div>
      <div
        class="md"
        lang={post.lang}
        dangerouslySetInnerHTML={{ __html: renderMarkdown(post.text) }}
      />
    </li>
  )
}
