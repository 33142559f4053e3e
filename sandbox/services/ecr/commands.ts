/** The real command each ECR action stands for (the event log shows it; the terminal parses it back). */
import type { ActionOf, ActionType } from '../../model/actions.ts';
import type { World } from '../../model/types.ts';
import { ownRegistry } from './state.ts';

/** Quotes a word for a POSIX shell only when it needs it. */
export function shellWord(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_\-./:=,@%+]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

const roleName = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

type Commands = { [T in ActionType]?: (action: ActionOf<T>, world: World) => string };

export const ECR_COMMANDS: Commands = {
  'ecr.repository.create': (a) =>
    [
      `aws ecr create-repository --repository-name ${shellWord(a.name)}`,
      a.imageTagMutability ? ` --image-tag-mutability ${a.imageTagMutability}` : '',
      a.scanOnPush !== undefined
        ? ` --image-scanning-configuration scanOnPush=${a.scanOnPush}`
        : '',
    ].join(''),
  'ecr.image-tag-mutability.put': (a) =>
    `aws ecr put-image-tag-mutability --repository-name ${shellWord(a.repository)} --image-tag-mutability ${a.imageTagMutability}`,
  'ecr.lifecycle-policy.put': (a) =>
    `aws ecr put-lifecycle-policy --repository-name ${shellWord(a.repository)} --lifecycle-policy-text ${shellWord(a.policy)}`,
  'ecr.lifecycle-policy-preview.start': (a) =>
    `aws ecr start-lifecycle-policy-preview --repository-name ${shellWord(a.repository)}${
      a.policy !== undefined ? ` --lifecycle-policy-text ${shellWord(a.policy)}` : ''
    }`,
  'ecr.image.batch-delete': (a) =>
    `aws ecr batch-delete-image --repository-name ${shellWord(a.repository)} --image-ids ${a.imageIds
      .map((id) =>
        'imageTag' in id ? `imageTag=${shellWord(id.imageTag)}` : `imageDigest=${id.imageDigest}`,
      )
      .join(' ')}`,
  'ecr.image-scan.start': (a) =>
    `aws ecr start-image-scan --repository-name ${shellWord(a.repository)} --image-id ${
      a.imageDigest
        ? `imageDigest=${a.imageDigest}`
        : `imageTag=${shellWord(a.imageTag ?? 'latest')}`
    }`,
  'docker.login': (a, world) =>
    `aws ecr get-login-password --region ${world.region} | docker login --username AWS --password-stdin ${shellWord(a.registry || ownRegistry(world))}`,
  'docker.image.build': (a) =>
    `docker build${a.tags.map((t) => ` -t ${shellWord(t)}`).join('')}${a.file ? ` -f ${shellWord(a.file)}` : ''} .`,
  'docker.image.tag': (a) => `docker tag ${shellWord(a.source)} ${shellWord(a.target)}`,
  'docker.image.push': (a) => `docker push ${shellWord(a.image)}`,
  'docker.image.pull': (a) => `docker pull ${shellWord(a.image)}`,
  'docker.image.remove': (a) => `docker rmi ${shellWord(a.image)}`,
  'iam.role-policy.attach': (a) =>
    `aws iam attach-role-policy --role-name ${shellWord(roleName(a.role))} --policy-arn ${a.policyArn}`,
  'fault.ecr-pull-denied': (a) =>
    `# fault: aws iam detach-role-policy --role-name ${shellWord(roleName(a.role))} --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly`,
};
